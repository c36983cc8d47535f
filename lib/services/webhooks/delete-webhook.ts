import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { webhookRefSchema } from "./schemas";
import { WEBHOOK_GONE } from "./shared";

/** 删除 Webhook (admins): its delivery log goes with it (cascade); pending retries stop. */
export async function deleteWebhook(actor: Actor | null, input: unknown) {
  assertCan(actor, "integration.manage");
  const { id } = webhookRefSchema.parse(input);
  await db.$transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id }, select: { name: true, url: true } });
    const gone = await tx.webhook.deleteMany({ where: { id } });
    if (!hook || gone.count === 0) throw new AppError("NOT_FOUND", WEBHOOK_GONE);
    await audit(tx, {
      actorId: actor.id,
      action: "webhook.delete",
      targetType: "webhook",
      targetId: id,
      meta: hook,
    });
  });
}
