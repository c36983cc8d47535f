import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { reasonSchema, userIdSchema } from "./schemas";

export const reactivateUserSchema = z.strictObject({ userId: userIdSchema, reason: reasonSchema });

/**
 * 恢复账号 with a required reason (kept in statusReason, so the detail page says why the account
 * is active again). The user signs in afresh: their old sessions ended with the suspension.
 */
export async function reactivateUser(actor: Actor | null, input: unknown) {
  const { userId, reason } = reactivateUserSchema.parse(input);
  assertCan(actor, "user.manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { statusReason: true } });
    if (!user) throw new AppError("NOT_FOUND", "没有找到该用户，可能已被删除。");
    const res = await tx.user.updateMany({
      where: { id: userId, status: "SUSPENDED" },
      data: { status: "ACTIVE", statusReason: reason },
    });
    if (res.count === 0)
      throw new AppError("CONFLICT", "该账号已经是正常状态，可能刚被其他管理员恢复。请刷新页面查看。");
    await audit(tx, {
      actorId: actor.id,
      action: "user.reactivate",
      targetType: "user",
      targetId: userId,
      meta: { from: "SUSPENDED", to: "ACTIVE", reason, previousReason: user.statusReason },
    });
    return { id: userId, status: "ACTIVE" as const };
  });
}
