import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { reasonSchema, userIdSchema } from "./schemas";

export const suspendUserSchema = z.strictObject({ userId: userIdSchema, reason: reasonSchema });

/**
 * 停用账号 with a required reason. Bumping the session version ends every open session of the
 * user at its next check (lib/auth/claims.ts, at most 60 s; server actions re-check at once).
 * An admin cannot suspend themselves: the last admin would lock everyone out.
 */
export async function suspendUser(actor: Actor | null, input: unknown) {
  const { userId, reason } = suspendUserSchema.parse(input);
  assertCan(actor, "user.manage");
  if (userId === actor.id) throw new AppError("FORBIDDEN", "不能停用自己的账号。");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { status: true, statusReason: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "没有找到该用户，可能已被删除。");
    const res = await tx.user.updateMany({
      where: { id: userId, status: "ACTIVE" },
      data: { status: "SUSPENDED", statusReason: reason, sessionVersion: { increment: 1 } },
    });
    if (res.count === 0)
      throw new AppError("CONFLICT", "该账号已经是停用状态，可能刚被其他管理员处理。请刷新页面查看。");
    await audit(tx, {
      actorId: actor.id,
      action: "user.suspend",
      targetType: "user",
      targetId: userId,
      meta: { from: "ACTIVE", to: "SUSPENDED", reason, previousReason: user.statusReason },
    });
    return { id: userId, status: "SUSPENDED" as const };
  });
}
