import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { lists } from "./cache-profile";

export type AuthorArticle = { id: string; publicId: string; title: string; publishedAt: Date };

/** The author card's "最新文章": their newest published articles other than the one being read. */
export async function getAuthorLatest(
  authorId: string,
  excludeArticleId: string,
  limit = 4,
): Promise<AuthorArticle[]> {
  "use cache";
  cacheLife(lists);
  cacheTag(tags.articles(), tags.author(authorId));
  const rows = await db.article.findMany({
    where: { authorId, status: "PUBLISHED", publishedAt: { lte: new Date() }, id: { not: excludeArticleId } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, publicId: true, title: true, publishedAt: true },
  });
  return rows.map((r) => ({ id: r.id, publicId: r.publicId, title: r.title, publishedAt: r.publishedAt! }));
}
