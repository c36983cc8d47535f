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

export const moderateCommentsSchema = z.strictObject({
  ids: z
    .array(rowIdSchema("评论编号无效。"))
    .min(1, "请至少选择一条评论。")
    .max(100, "一次最多处理 100 条评论。"),
  decision: z.enum(["approve", "reject", "delete"], { error: "未知的审核操作。" }),
});

const RULES: Record<"approve" | "reject" | "delete", { to: CommentStatus; from: CommentStatus[] }> = {
  approve: { to: "APPROVED", from: ["PENDING", "REJECTED", "SPAM"] },
  reject: { to: "REJECTED", from: ["PENDING", "APPROVED"] },
  delete: { to: "DELETED", from: ["PENDING", "APPROVED", "REJECTED", "SPAM"] },
};

export type ModerationResult = { changed: number; skipped: number };

/**
 * 通过 / 拒绝 / 删除 one or more comments. The rows are locked and re-read inside the
 * transaction, so a comment someone else just handled is skipped (and counted), never flipped
 * back. One audit row per comment. When a change makes a comment appear on, or disappear from,
 * a public article, that article's comment list and the home page's latest comments are
 * invalidated (updateTag inside the server action).
 */
export async function moderateComments(actor: Actor | null, input: unknown): Promise<ModerationResult> {
  assertCan(actor, "comment.moderate");
  const { ids, decision } = moderateCommentsSchema.parse(input);
  const rule = RULES[decision];
  const unique = [...new Set(ids)];
  const changed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; articleId: string; status: CommentStatus }[]>`
      SELECT id, "articleId", status FROM comments
      WHERE id = ANY(${unique}) AND status::text = ANY(${rule.from})
      FOR UPDATE`;
    if (!rows.length) return rows;
    await tx.comment.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { status: rule.to, moderatedById: actor.id, moderatedAt: new Date() },
    });
    for (const r of rows) {
      await audit(tx, {
        actorId: actor.id,
        action: `comment.${decision}`,
        targetType: "comment",
        targetId: r.id,
        meta: { from: r.status, to: rule.to, articleId: r.articleId },
      });
    }
    return rows;
  });
  if (!changed.length) {
    throw new AppError(
      "CONFLICT",
      unique.length === 1 ? "这条评论已被其他人处理，请刷新列表。" : "所选评论都已被其他人处理，请刷新列表。",
    );
  }
  const visible = changed.filter((r) => r.status === "APPROVED" || rule.to === "APPROVED");
  invalidatePublic([...new Set(visible.map((r) => r.articleId))].flatMap(commentChangeTags));
  return { changed: changed.length, skipped: unique.length - changed.length };
}
