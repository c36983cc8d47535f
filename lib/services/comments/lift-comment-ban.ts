import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rowIdSchema } from "@/lib/public-id";

export const liftCommentBanSchema = z.strictObject({ banId: rowIdSchema("禁言记录编号无效。") });

/**
 * 解除禁言: the reader may post again at once (createComment reads the ban inside its
 * transaction). The row stays, with who lifted it and when. A ban already lifted or expired
 * answers CONFLICT, so two moderators pressing 解除 write one audit row.
 */
export async function liftCommentBan(actor: Actor | null, input: unknown, now: Date = new Date()) {
  assertCan(actor, "comment.moderate");
  const { banId } = liftCommentBanSchema.parse(input);
  return db.$transaction(async (tx) => {
    const ban = await tx.commentBan.findUnique({
      where: { id: banId },
      select: { userId: true, reason: true, expiresAt: true },
    });
    if (!ban) throw new AppError("NOT_FOUND", "没有找到这条禁言记录。");
    const res = await tx.commentBan.updateMany({
      where: { id: banId, liftedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { liftedAt: now, liftedById: actor.id },
    });
    if (!res.count) throw new AppError("CONFLICT", "这条禁言已解除或已到期，请刷新列表。");
    await audit(tx, {
      actorId: actor.id,
      action: "comment.liftBan",
      targetType: "user",
      targetId: ban.userId,
      meta: { banId, reason: ban.reason, expiresAt: ban.expiresAt?.toISOString() ?? null },
    });
    return { id: banId, userId: ban.userId };
  });
}
