import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { tags } from "@/lib/cache-tags";
import { lists } from "@/lib/services/public/cache-profile";
import type { Cursor } from "@/lib/services/public/cursor";
import { queryArticlePage, type ArticlePage } from "@/lib/services/public/query-article-page";

/** Content API list filters, already validated (lib/api/schemas.ts); every one narrows the list. */
export type ArticleFilter = {
  category?: string;
  tag?: string;
  /** member publicIds */
  author?: string;
  translator?: string;
  /** as author or as translator */
  member?: string;
  /** canonical CVE id */
  cve?: string;
  /** publishedAt >= from */
  from?: Date;
  /** publishedAt < until */
  until?: Date;
};

// Slugs and public ids resolve inside the statement: an unknown one is simply an empty list, and
// the internal ids never leave SQL. Scalar subqueries run once (InitPlans), so the author,
// translator and category indexes still apply.
const userOf = (publicId: string) =>
  Prisma.sql`(SELECT m."userId" FROM profiles m WHERE m."publicId" = ${publicId})`;

function scopeOf(f: ArticleFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.category)
    parts.push(Prisma.sql`a."categoryId" = (SELECT k.id FROM categories k WHERE k.slug = ${f.category})`);
  if (f.tag)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM article_tags xt JOIN tags xg ON xg.id = xt."tagId"
      WHERE xt."articleId" = a.id AND xg.slug = ${f.tag})`);
  if (f.author) parts.push(Prisma.sql`a."authorId" = ${userOf(f.author)}`);
  if (f.translator) parts.push(Prisma.sql`a."translatorId" = ${userOf(f.translator)}`);
  if (f.member)
    parts.push(Prisma.sql`(a."authorId" = ${userOf(f.member)} OR a."translatorId" = ${userOf(f.member)})`);
  if (f.cve)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM article_cves xv WHERE xv."articleId" = a.id AND xv."cveId" = ${f.cve})`,
    );
  if (f.from) parts.push(Prisma.sql`a."publishedAt" >= ${f.from}`);
  if (f.until) parts.push(Prisma.sql`a."publishedAt" < ${f.until}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/**
 * GET /api/v1/articles: one keyset page of public articles (the pages' visibility rule and cards,
 * through queryArticlePage), narrowed by any combination of filters. One SQL statement.
 */
export async function listApiArticles(
  filter: ArticleFilter,
  before: Cursor | null,
  limit: number,
): Promise<ArticlePage> {
  "use cache";
  cacheLife(lists);
  cacheTag(tags.articles());
  if (filter.category) cacheTag(tags.category(filter.category));
  if (filter.tag) cacheTag(tags.tag(filter.tag));
  if (filter.cve) cacheTag(tags.cve(filter.cve));
  return queryArticlePage(scopeOf(filter), before, limit);
}
