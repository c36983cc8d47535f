import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { cardColumns, cardJoins, isPublic, toCard, type ArticleCard, type CardRow } from "./article-card";
import { lists } from "./cache-profile";

export type CategoryBlock = { slug: string; name: string; articles: ArticleCard[] };

/**
 * The home page's per-category boxes: the newest `perCategory` public articles of every category,
 * in bar order. One statement: a LATERAL subquery per category walks the
 * (categoryId, status, publishedAt) index instead of ranking the whole table.
 */
export async function listCategoryBlocks(perCategory = 4): Promise<CategoryBlock[]> {
  "use cache";
  cacheTag(tags.articles(), tags.categories());
  cacheLife(lists);
  const rows = await db.$queryRaw<(CardRow & { blockId: number })[]>`
    SELECT x.*, x."categoryId" AS "blockId"
    FROM categories cat
    CROSS JOIN LATERAL (
      SELECT ${cardColumns}, a."categoryId"
      FROM articles a ${cardJoins}
      WHERE a."categoryId" = cat.id AND ${isPublic}
      ORDER BY a."publishedAt" DESC, a."publicId" DESC
      LIMIT ${perCategory}
    ) x
    ORDER BY cat.position, cat.id, x."publishedAt" DESC, x."publicId" DESC`;
  const blocks = new Map<number, CategoryBlock>();
  for (const r of rows) {
    const block = blocks.get(r.blockId) ?? { slug: r.categorySlug, name: r.categoryName, articles: [] };
    block.articles.push(toCard(r));
    blocks.set(r.blockId, block);
  }
  return [...blocks.values()];
}
