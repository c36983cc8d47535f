import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { envelopeOf, queueDeliveries } from "@/lib/webhooks/emit";
import { webhookRefSchema } from "./schemas";
import { WEBHOOK_GONE } from "./shared";

/** 发送测试 (admins): a `ping` event to this one webhook, through the same queue, signature and log. */
export async function sendTestPing(actor: Actor | null, input: unknown) {
  assertCan(actor, "integration.manage");
  const { id } = webhookRefSchema.parse(input);
  const hook = await db.webhook.findUnique({ where: { id }, select: { name: true, active: true } });
  if (!hook) throw new AppError("NOT_FOUND", WEBHOOK_GONE);
  if (!hook.active) throw new AppError("INVALID", "这个 Webhook 已停用，请先启用再发送测试。");
  const envelope = envelopeOf("ping", {
    webhook: { name: hook.name },
    message: "这是一条来自 Byline 的测试消息。",
  });
  const [deliveryId] = await queueDeliveries([id], envelope);
  await audit(db, {
    actorId: actor.id,
    action: "webhook.ping",
    targetType: "webhook",
    targetId: id,
    meta: { deliveryId: deliveryId! },
  });
  return { id: deliveryId! };
}
