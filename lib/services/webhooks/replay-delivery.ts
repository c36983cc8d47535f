import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { WebhookEnvelope } from "@/lib/webhooks/events";
import { queueDeliveries } from "@/lib/webhooks/emit";
import { deliveryRefSchema } from "./schemas";

/**
 * 重新发送 (admins): a new delivery of the same body (the same event id, so a receiver that
 * keeps ids can tell it is a repeat) to the same webhook, naming the one it repeats.
 */
export async function replayDelivery(actor: Actor | null, input: unknown) {
  assertCan(actor, "integration.manage");
  const { id } = deliveryRefSchema.parse(input);
  const d = await db.webhookDelivery.findUnique({
    where: { id },
    select: { webhookId: true, payload: true, webhook: { select: { active: true } } },
  });
  if (!d) throw new AppError("NOT_FOUND", "这条投递记录不存在或已被删除，请刷新页面。");
  if (!d.webhook.active) throw new AppError("INVALID", "这个 Webhook 已停用，请先启用再重新发送。");
  const [newId] = await queueDeliveries([d.webhookId], d.payload as unknown as WebhookEnvelope, id);
  await audit(db, {
    actorId: actor.id,
    action: "webhook.replay",
    targetType: "webhook",
    targetId: d.webhookId,
    meta: { deliveryId: newId!, replayOf: id },
  });
  return { id: newId!, webhookId: d.webhookId };
}
