import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newWebhookId, newWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/secret";
import { createWebhookSchema } from "./schemas";
import { assertDeliverableUrl, type WebhookServiceDeps } from "./shared";

const MAX_WEBHOOKS = 20;

/**
 * 新建 Webhook (admins): name, URL (through the network guard) and events. The signing secret is
 * made here and returned this once; the row keeps it sealed. Audited without the secret.
 */
export async function createWebhook(actor: Actor | null, input: unknown, deps: WebhookServiceDeps = {}) {
  assertCan(actor, "integration.manage");
  const { name, url, events } = createWebhookSchema.parse(input);
  await assertDeliverableUrl(url, deps);
  if ((await db.webhook.count()) >= MAX_WEBHOOKS)
    throw new AppError("INVALID", `最多可以创建 ${MAX_WEBHOOKS} 个 Webhook，请先删除不用的。`);
  const id = newWebhookId();
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    await tx.webhook.create({
      data: { id, name, url, events, secret: sealWebhookSecret(id, secret), createdById: actor.id },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "webhook.create",
      targetType: "webhook",
      targetId: id,
      meta: { name, url, events },
    });
  });
  return { id, name, url, events, secret };
}
