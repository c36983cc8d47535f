import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { commentChangeTags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/audit";
import { invalidatePublic } from "../articles/side-effects";
import { rowIdSchema } from "@/lib/public-id";
import { applyCommentCounts } from "./comment-counts";
import { notifyCommentsApproved } from "./notify-approved";
import { emitCommentsApproved } from "@/lib/webhooks/article-events";

const MODERATION_DECISIONS = ["approve", "reject", "spam", "delete"] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

export const moderateCommentsSchema = z.strictObject({
  ids: z
    .array(rowIdSchema("评论编号无效。"))
    .min(1, "请至少选择一条评论。")
    .max(100, "一次最多处理 100 条评论。"),
  decision: z.enum(MODERATION_DECISIONS, { error: "未知的审核操作。" }),
});

const RULES: Record<ModerationDecision, { to: CommentStatus; from: CommentStatus[] }> = {
  approve: { to: "APPROVED", from: ["PENDING", "REJECTED", "SPAM"] },
  reject: { to: "REJECTED", from: ["PENDING", "APPROVED", "SPAM"] },
  spam: { to: "SPAM", from: ["PENDING", "APPROVED", "REJECTED"] },
  delete: { to: "DELETED", from: ["PENDING", "APPROVED", "REJECTED", "SPAM"] },
};

export type ModerationResult = { changed: number; skipped: number };

type Row = { id: string; articleId: string; status: CommentStatus; openReports: number };

/**
 * 通过 / 拒绝 / 垃圾 / 删除 one or more comments, in one transaction that:
 * - locks the comments, then their articles, in id order (the order the author's edit and delete
 *   take them), and re-reads the comments, so one someone else just handled is skipped (and
 *   counted), never flipped back. NO KEY UPDATE: a reply being inserted under one of them (its
 *   foreign key takes KEY SHARE while holding its article) is not blocked, so cannot deadlock;
 * - keeps Article.commentCount equal to the article's APPROVED comments (rows in and out of APPROVED);
 * - resolves the comment's open reports: 通过 an approved, reported comment dismisses them, any
 *   removal upholds them (a reported comment that is already APPROVED counts as handled by 通过);
 * - tells the article's author/translator and the parent comment's author of a newly approved comment;
 * - writes one audit row per comment.
 * Moderation never deletes a row: 删除 is a status. Public comment lists are invalidated when a
 * comment appears on, or disappears from, an article.
 */
export async function moderateComments(actor: Actor | null, input: unknown): Promise<ModerationResult> {
  assertCan(actor, "comment.moderate");
  const { ids, decision } = moderateCommentsSchema.parse(input);
  const rule = RULES[decision];
  const unique = [...new Set(ids)];
  const now = new Date();
  const { acted, moving } = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT c.id, c."articleId", c.status,
        (SELECT count(*)::int FROM comment_reports r WHERE r."commentId" = c.id AND r."resolvedAt" IS NULL)
          AS "openReports"
      FROM comments c
      WHERE c.id = ANY(${unique}) AND c.status <> 'DELETED'
      ORDER BY c.id
      FOR NO KEY UPDATE OF c`;
    // then the articles whose commentCount may change, in id order
    await tx.$queryRaw`
      SELECT id FROM articles WHERE id = ANY(${[...new Set(rows.map((r) => r.articleId))]})
      ORDER BY id FOR NO KEY UPDATE`;
    const acted = rows.filter(
      (r) => rule.from.includes(r.status) || (r.status === rule.to && r.openReports > 0),
    );
    if (!acted.length) return { acted, moving: [] };
    const moving = acted.filter((r) => r.status !== rule.to);
    if (moving.length) {
      await tx.comment.updateMany({
        where: { id: { in: moving.map((r) => r.id) } },
        data: { status: rule.to, moderatedById: actor.id, moderatedAt: now },
      });
    }
    await tx.commentReport.updateMany({
      where: { commentId: { in: acted.map((r) => r.id) }, resolvedAt: null },
      data: { resolvedAt: now, resolvedById: actor.id },
    });
    await applyCommentCounts(
      tx,
      moving.map((r) => ({ articleId: r.articleId, from: r.status, to: rule.to })),
    );
    if (rule.to === "APPROVED")
      await notifyCommentsApproved(
        tx,
        moving.map((r) => r.id),
      );
    for (const r of acted) {
      await audit(tx, {
        actorId: actor.id,
        action: `comment.${decision}`,
        targetType: "comment",
        targetId: r.id,
        meta: {
          from: r.status,
          to: rule.to,
          articleId: r.articleId,
          ...(r.openReports ? { reportsResolved: r.openReports } : {}),
        },
      });
    }
    return { acted, moving };
  });
  if (!acted.length) {
    throw new AppError(
      "CONFLICT",
      unique.length === 1 ? "这条评论已被其他人处理，请刷新列表。" : "所选评论都已被其他人处理，请刷新列表。",
    );
  }
  const visible = moving.filter((r) => r.status === "APPROVED" || rule.to === "APPROVED");
  invalidatePublic([...new Set(visible.map((r) => r.articleId))].flatMap(commentChangeTags));
  if (rule.to === "APPROVED") await emitCommentsApproved(moving.map((r) => r.id));
  return { changed: acted.length, skipped: unique.length - acted.length };
}
