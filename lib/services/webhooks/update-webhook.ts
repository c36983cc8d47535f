import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateWebhookSchema } from "./schemas";
import { assertDeliverableUrl, WEBHOOK_GONE, type WebhookServiceDeps } from "./shared";

/** 修改 Webhook (admins): name, URL (guarded again), events, 启用. The secret stays. Audited with before → after. */
export async function updateWebhook(actor: Actor | null, input: unknown, deps: WebhookServiceDeps = {}) {
  assertCan(actor, "integration.manage");
  const { id, ...fields } = updateWebhookSchema.parse(input);
  await assertDeliverableUrl(fields.url, deps);
  await db.$transaction(async (tx) => {
    const before = await tx.webhook.findUnique({
      where: { id },
      select: { name: true, url: true, events: true, active: true },
    });
    if (!before) throw new AppError("NOT_FOUND", WEBHOOK_GONE);
    await tx.webhook.update({ where: { id }, data: fields });
    await audit(tx, {
      actorId: actor.id,
      action: "webhook.update",
      targetType: "webhook",
      targetId: id,
      meta: { from: before, to: fields },
    });
  });
  return { id, ...fields };
}
