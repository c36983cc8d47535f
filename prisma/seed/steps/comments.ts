import type { Db } from "@/lib/db/client";
import { comments } from "../data/comments";
import { seedArticleId } from "./articles";
import type { SeededUsers } from "./accounts";

const HOUR = 3_600_000;
const commentId = (key: string) => `seed-comment-${key}`;

export async function seedComments(db: Db, users: SeededUsers) {
  const existing = new Set(
    (
      await db.comment.findMany({
        where: { id: { in: comments.map((c) => commentId(c.key)) } },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  const published = new Map(
    (
      await db.article.findMany({
        where: { id: { in: comments.map((c) => seedArticleId(c.article)) } },
        select: { id: true, publishedAt: true },
      })
    ).map((a) => [a.id, a.publishedAt]),
  );
  let created = 0;
  // parents first, so a reply's parent row exists
  const ordered = [...comments].sort((a, b) => Number(!!a.replyTo) - Number(!!b.replyTo));
  for (const c of ordered) {
    if (existing.has(commentId(c.key))) continue;
    const articleId = seedArticleId(c.article);
    const publishedAt = published.get(articleId);
    if (!publishedAt)
      throw new Error(`comment ${c.key}: article ${c.article} is not seeded or not published`);
    // never before the article itself went out
    const createdAt = new Date(Math.max(publishedAt.getTime() + HOUR, Date.now() - c.hoursAgo * HOUR));
    await db.comment.create({
      data: {
        id: commentId(c.key),
        articleId,
        authorId: users.get(c.author)!.id,
        parentId: c.replyTo ? commentId(c.replyTo) : null,
        body: c.body,
        status: c.status,
        createdAt,
        moderatedAt: c.status === "APPROVED" ? createdAt : null,
        moderatedById: c.status === "APPROVED" ? users.get("editor-chen")!.id : null,
      },
    });
    // Article.commentCount is the number of approved comments (kept by every comment write)
    if (c.status === "APPROVED")
      await db.article.update({ where: { id: articleId }, data: { commentCount: { increment: 1 } } });
    created++;
  }
  return { total: comments.length, created };
}
