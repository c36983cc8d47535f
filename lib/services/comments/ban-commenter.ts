import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rowIdSchema } from "@/lib/public-id";
import { safeText } from "@/lib/validation";
import { BAN_PERIOD_KEYS, BAN_PERIODS } from "../moderation/ban-periods";

const DAY_MS = 24 * 60 * 60 * 1000;

export const banCommenterSchema = z.strictObject({
  userId: rowIdSchema("用户编号无效。"),
  period: z.enum(BAN_PERIOD_KEYS, { error: "请选择禁言时长。" }),
  /** shown to the reader when they try to post, and kept in the audit log */
  reason: safeText(500, { min: 1 }),
});

export type CommentBanResult = { id: string; userId: string; expiresAt: Date | null };

/**
 * 禁言: the user may not post comments until the ban expires or is lifted; the account itself
 * stays usable (that is 停用账号, a separate decision). A new ban replaces the user's active
 * one (lifted in the same transaction, both audited), so there is only ever one to read. The
 * user's row is locked so two moderators banning at once leave one active ban, not two.
 */
export async function banCommenter(
  actor: Actor | null,
  input: unknown,
  now: Date = new Date(),
): Promise<CommentBanResult> {
  assertCan(actor, "comment.moderate");
  const { userId, period, reason } = banCommenterSchema.parse(input);
  if (userId === actor.id) throw new AppError("FORBIDDEN", "不能禁言自己。");
  const days = BAN_PERIODS[period];
  const expiresAt = days === null ? null : new Date(now.getTime() + days * DAY_MS);
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
    if (!user) throw new AppError("NOT_FOUND", "没有找到该用户，可能已被删除。");
    const active = { userId, liftedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    const replaced = await tx.commentBan.findMany({ where: active, select: { id: true } });
    if (replaced.length) {
      await tx.commentBan.updateMany({ where: active, data: { liftedAt: now, liftedById: actor.id } });
    }
    const ban = await tx.commentBan.create({
      data: { userId, reason, expiresAt, createdById: actor.id, createdAt: now },
      select: { id: true, userId: true, expiresAt: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "comment.ban",
      targetType: "user",
      targetId: userId,
      meta: {
        banId: ban.id,
        reason,
        period,
        expiresAt: expiresAt?.toISOString() ?? null,
        ...(replaced.length ? { replaced: replaced.map((b) => b.id) } : {}),
      },
    });
    return ban;
  });
}
