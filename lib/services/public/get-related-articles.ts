import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { coverThumbOf, coverVariantsColumn, isPublic } from "./article-card";
import { lists } from "./cache-profile";

export type ArticleLink = {
  id: string;
  publicId: string;
  title: string;
  coverUrl: string | null;
  /** the cover's narrowest rendition, else the cover itself (coverThumbOf) */
  coverThumb: string | null;
  publishedAt: Date;
};

type Input = { articleId: string; categoryId: number; tagIds: number[]; limit?: number };

/**
 * "你可能感兴趣的": other published articles ranked by how many tags they share with this one,
 * then by being in the same category, then by recency. Only articles sharing a tag or the
 * category are candidates, so an unrelated article never fills the list.
 */
export async function getRelatedArticles({
  articleId,
  categoryId,
  tagIds,
  limit = 6,
}: Input): Promise<ArticleLink[]> {
  "use cache";
  cacheLife(lists);
  cacheTag(tags.articles(), tags.article(articleId));
  const ids = tagIds.length ? tagIds : [-1];
  const rows = await db.$queryRaw<(Omit<ArticleLink, "coverThumb"> & { coverVariants: unknown })[]>`
    SELECT a.id, a."publicId", a.title, a."coverUrl", ${coverVariantsColumn}, a."publishedAt"
    FROM articles a
    LEFT JOIN (
      SELECT "articleId", count(*)::int AS shared FROM article_tags
      WHERE "tagId" = ANY(${ids}::int[]) AND "articleId" <> ${articleId}
      GROUP BY "articleId"
    ) s ON s."articleId" = a.id
    WHERE ${isPublic} AND a.id <> ${articleId}
      AND (s.shared IS NOT NULL OR a."categoryId" = ${categoryId})
    ORDER BY coalesce(s.shared, 0) DESC, (a."categoryId" = ${categoryId}) DESC, a."publishedAt" DESC, a."publicId" DESC
    LIMIT ${limit}`;
  return rows.map(({ coverVariants, ...r }) => ({
    ...r,
    coverThumb: coverThumbOf(coverVariants, r.coverUrl),
  }));
}
