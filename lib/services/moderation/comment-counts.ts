import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";

export type StatusMove = { articleId: string; from: CommentStatus; to: CommentStatus };

/**
 * Article.commentCount is the number of APPROVED comments: inside the transaction that moves the
 * comments, each article gets +1 per comment entering APPROVED and -1 per comment leaving it. One
 * UPDATE per article whose count actually changes; the caller already holds the article rows.
 */
export async function applyCommentCounts(tx: Prisma.TransactionClient, moves: StatusMove[]) {
  const delta = new Map<string, number>();
  for (const m of moves) {
    const d = (m.to === "APPROVED" ? 1 : 0) - (m.from === "APPROVED" ? 1 : 0);
    if (d) delta.set(m.articleId, (delta.get(m.articleId) ?? 0) + d);
  }
  for (const [articleId, d] of [...delta].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!d) continue;
    await tx.article.update({ where: { id: articleId }, data: { commentCount: { increment: d } } });
  }
}
