import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/services/notifications/notify";

/** Where a notice about one comment points; also the key that makes the notice once-only. */
const commentNoticeUrl = (articlePublicId: string, commentId: string) =>
  `/posts/${articlePublicId}#comment-${commentId}`;

const excerpt = (s: string) => ([...s].length > 60 ? `${[...s].slice(0, 59).join("")}…` : s);

/**
 * Inside the transaction that made the comments APPROVED: the parent comment's author learns of
 * the reply, the article's author and translator of the comment; never the comment's own author.
 * Once per comment: a comment approved, rejected and approved again does not notify twice (the
 * notice's url names the comment, and the caller holds the comment row, so two moderators cannot
 * both pass this check).
 */
export async function notifyCommentsApproved(tx: Prisma.TransactionClient, commentIds: string[]) {
  if (!commentIds.length) return;
  const comments = await tx.comment.findMany({
    where: { id: { in: commentIds }, status: "APPROVED" },
    select: {
      id: true,
      body: true,
      authorId: true,
      author: { select: { profile: { select: { displayName: true } } } },
      parent: { select: { authorId: true } },
      article: { select: { id: true, publicId: true, title: true, authorId: true, translatorId: true } },
    },
  });
  for (const c of comments) {
    const url = commentNoticeUrl(c.article.publicId, c.id);
    const replyTo = c.parent?.authorId ?? null;
    const everyone = [replyTo, c.article.authorId, c.article.translatorId].filter((id) => id !== null);
    // by recipient first: the notifications index starts with userId
    const already = await tx.notification.findFirst({
      where: { userId: { in: everyone }, url },
      select: { id: true },
    });
    if (already) continue;
    const name = c.author.profile?.displayName ?? "一位读者";
    const base = { body: excerpt(c.body), url, articleId: c.article.id };
    await notify(
      tx,
      [replyTo],
      { ...base, kind: "comment.reply", title: `${name} 回复了你的评论` },
      c.authorId,
    );
    await notify(
      tx,
      [c.article.authorId, c.article.translatorId].filter((id) => id !== replyTo),
      { ...base, kind: "comment.onArticle", title: `${name} 评论了你的文章《${c.article.title}》` },
      c.authorId,
    );
  }
}
