import "server-only";
import { normalizeForMatch } from "@/lib/comments/normalize";
import type { CommentSettings } from "@/lib/comments/settings";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What the comment write services (create, edit) read inside their transaction before the rules
 * decide: whether the article takes comments, the author's record and recent texts.
 */

type Tx = Prisma.TransactionClient;
const DAY_MS = 24 * 60 * 60 * 1000;

export type CommentableArticle = {
  status: string;
  publishedAt: Date | null;
  commentsClosed: boolean;
  deletedAt: Date | null;
};

/** Refuses a comment on an article readers cannot see, or whose comments are switched off. */
export function assertCommentsOpen(
  article: CommentableArticle | null | undefined,
  settings: Pick<CommentSettings, "enabled">,
  now: Date,
): void {
  const visible =
    article?.status === "PUBLISHED" &&
    !article.deletedAt &&
    !!article.publishedAt &&
    article.publishedAt <= now;
  if (!article || !visible) throw new AppError("NOT_FOUND", "文章不存在或已下线，无法评论。");
  if (!settings.enabled) throw new AppError("FORBIDDEN", "本站评论已关闭。");
  if (article.commentsClosed) throw new AppError("FORBIDDEN", "本文已关闭评论。");
}

/**
 * Locks the article row for the rest of the transaction and re-checks it, so an editor closing
 * comments or unpublishing waits for this write (and a write after theirs is refused). "update"
 * (FOR NO KEY UPDATE) when the transaction will change commentCount: taking FOR SHARE and
 * upgrading later would deadlock two writers holding the share lock.
 */
export async function lockCommentableArticle(
  tx: Tx,
  articleId: string,
  mode: "share" | "update",
  settings: Pick<CommentSettings, "enabled">,
  now: Date,
): Promise<void> {
  const lock = Prisma.raw(mode === "update" ? "FOR NO KEY UPDATE" : "FOR SHARE");
  const [article] = await tx.$queryRaw<CommentableArticle[]>`
    SELECT status::text AS status, "publishedAt", "commentsClosed", "deletedAt" FROM articles WHERE id = ${articleId} ${lock}`;
  assertCommentsOpen(article, settings, now);
}

export type AuthorRecord = { createdAt: Date; approvedCount: number; rejectedCount: number };

/** The account's age and moderation record; `exceptCommentId` (the comment being edited) does not vouch for itself. */
export async function authorRecord(tx: Tx, userId: string, exceptCommentId?: string): Promise<AuthorRecord> {
  const [row] = await tx.$queryRaw<AuthorRecord[]>`
    SELECT u."createdAt",
      count(c.id) FILTER (WHERE c.status = 'APPROVED')::int AS "approvedCount",
      count(c.id) FILTER (WHERE c.status IN ('REJECTED', 'SPAM'))::int AS "rejectedCount"
    FROM users u LEFT JOIN comments c ON c."authorId" = u.id AND c.id <> ${exceptCommentId ?? ""}
    WHERE u.id = ${userId}
    GROUP BY u.id`;
  if (!row) throw new AppError("UNAUTHENTICATED");
  return row;
}

/**
 * Whether the account wrote the same text (as the rules compare it) in the last 24 hours, deleted
 * comments aside. The daily limit keeps this to a few dozen rows; comparing in JavaScript uses
 * exactly the normalisation the rules use.
 */
export async function isDuplicateWithinDay(
  tx: Tx,
  authorId: string,
  body: string,
  now: Date,
  exceptCommentId?: string,
): Promise<boolean> {
  const recent = await tx.comment.findMany({
    where: {
      authorId,
      status: { not: "DELETED" },
      createdAt: { gt: new Date(now.getTime() - DAY_MS) },
      ...(exceptCommentId ? { id: { not: exceptCommentId } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { body: true },
  });
  const text = normalizeForMatch(body);
  return recent.some((c) => normalizeForMatch(c.body) === text);
}
