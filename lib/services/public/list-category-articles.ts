import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { tags } from "@/lib/cache-tags";
import { lists } from "./cache-profile";
import type { Cursor } from "./cursor";
import { queryArticlePage, type ArticlePage } from "./query-article-page";

/** One keyset page of a category's public articles (category from listCategories, no lookup here). */
export async function listCategoryArticles(
  category: { id: number; slug: string },
  before: Cursor | null,
  limit?: number,
): Promise<ArticlePage> {
  "use cache";
  cacheTag(tags.articles(), tags.category(category.slug));
  cacheLife(lists);
  return queryArticlePage(Prisma.sql`a."categoryId" = ${category.id}`, before, limit);
}
