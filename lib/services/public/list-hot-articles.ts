import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { tags } from "@/lib/cache-tags";
import { cardColumns, cardJoins, isPublic, toCard, type ArticleCard, type CardRow } from "./article-card";
import { hot } from "./cache-profile";

export type HotArticle = ArticleCard & { recentViews: number };

/**
 * 热门文章: most read over the last 7 days (ArticleViewDay), ties and articles without recent
 * views ordered by their lifetime viewCount, so a quiet week still shows a sensible list.
 * Optionally limited to one category. One statement.
 */
export async function listHotArticles(
  options: { categoryId?: number; limit?: number } = {},
): Promise<HotArticle[]> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(hot);
  const inCategory =
    options.categoryId === undefined ? Prisma.empty : Prisma.sql`AND a."categoryId" = ${options.categoryId}`;
  const rows = await db.$queryRaw<(CardRow & { recentViews: number })[]>`
    WITH recent AS (
      SELECT v."articleId", SUM(v.views)::int AS views
      FROM article_view_days v
      WHERE v.day > current_date - 7
      GROUP BY v."articleId"
    )
    SELECT ${cardColumns}, COALESCE(r.views, 0) AS "recentViews"
    FROM articles a ${cardJoins}
    LEFT JOIN recent r ON r."articleId" = a.id
    WHERE ${isPublic} ${inCategory}
    ORDER BY COALESCE(r.views, 0) DESC, a."viewCount" DESC, a."publishedAt" DESC, a."publicId" DESC
    LIMIT ${Math.min(options.limit ?? 8, 20)}`;
  return rows.map((r) => ({ ...toCard(r), recentViews: Number(r.recentViews) }));
}
