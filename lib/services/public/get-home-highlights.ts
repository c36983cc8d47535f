import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { cardColumns, cardJoins, isPublic, toCard, type ArticleCard, type CardRow } from "./article-card";
import { lists } from "./cache-profile";

export type HomeHighlights = { lead: ArticleCard | null; featured: ArticleCard[] };

/**
 * 头条 + 推荐: featured articles first (newest first), topped up with the newest articles when
 * fewer than `count` are featured. One statement.
 */
export async function getHomeHighlights(count = 5): Promise<HomeHighlights> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT ${cardColumns}
    FROM articles a ${cardJoins}
    WHERE ${isPublic}
    ORDER BY a."isFeatured" DESC, a."publishedAt" DESC, a."publicId" DESC
    LIMIT ${count}`;
  const [lead, ...featured] = rows.map(toCard);
  return { lead: lead ?? null, featured };
}
