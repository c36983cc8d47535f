import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { userIdSchema } from "./schemas";

export const forceSignOutSchema = z.strictObject({ userId: userIdSchema });

/** 强制下线: bumps the session version, so every session of the user ends at its next check (≤ 60 s). */
export async function forceSignOut(actor: Actor | null, input: unknown) {
  const { userId } = forceSignOutSchema.parse(input);
  assertCan(actor, "user.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
    if (!before) throw new AppError("NOT_FOUND", "没有找到该用户，可能已被删除。");
    const after = await tx.user.update({
      where: { id: userId },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "user.forceSignOut",
      targetType: "user",
      targetId: userId,
      meta: { from: before.sessionVersion, to: after.sessionVersion },
    });
    return { id: userId };
  });
}
