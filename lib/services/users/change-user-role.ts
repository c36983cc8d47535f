import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { ROLE_LABELS, roleSchema, userIdSchema } from "./schemas";

export const changeUserRoleSchema = z.strictObject({ userId: userIdSchema, role: roleSchema });

/**
 * 修改角色 (admins, never on themselves: lib/authz.ts). The session version is bumped in the same
 * statement, so the user's open sessions end at their next check (at most 60 s) and they sign in
 * again with the new role. The UPDATE is guarded by the role we read, so a concurrent change is
 * reported instead of silently overwritten.
 */
export async function changeUserRole(actor: Actor | null, input: unknown) {
  const { userId, role } = changeUserRoleSchema.parse(input);
  assertCan(actor, "user.changeRole", { kind: "user", id: userId });
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw new AppError("NOT_FOUND", "没有找到该用户，可能已被删除。");
    if (user.role === role)
      throw new AppError(
        "CONFLICT",
        `该用户已经是「${ROLE_LABELS[role]}」，无需修改。请刷新页面查看最新状态。`,
      );
    const res = await tx.user.updateMany({
      where: { id: userId, role: user.role },
      data: { role, sessionVersion: { increment: 1 } },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "该用户的角色刚被其他管理员修改，请刷新页面后再试。");
    await audit(tx, {
      actorId: actor.id,
      action: "user.changeRole",
      targetType: "user",
      targetId: userId,
      meta: { from: user.role, to: role },
    });
    return { id: userId, role };
  });
}
