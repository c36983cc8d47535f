import "server-only";
import { AppError } from "@/lib/errors";
import type { Resolver } from "@/lib/net/check-hop";
import { checkWebhookUrl } from "@/lib/webhooks/post";

export const WEBHOOK_GONE = "这个 Webhook 不存在或已被删除，请刷新列表。";

/** Tests inject the resolver: no test resolves a real name. */
export type WebhookServiceDeps = { resolve?: Resolver };

/**
 * The save-time half of the SSRF rule (delivery checks again, since DNS can change): an address
 * inside our network is refused with the host named, before anything is stored.
 */
export async function assertDeliverableUrl(url: string, deps: WebhookServiceDeps) {
  try {
    await checkWebhookUrl(new URL(url), deps.resolve);
  } catch (e) {
    if (e instanceof AppError)
      throw new AppError("INVALID", e.message, { fieldErrors: { url: [e.message] } });
    throw e;
  }
}
