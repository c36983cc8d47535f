import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { tags } from "@/lib/cache-tags";
import { lists } from "./cache-profile";
import type { Cursor } from "./cursor";
import { queryArticlePage, type ArticlePage } from "./query-article-page";

/** The home page's "最新文章": every public article, newest first, one keyset page. */
export async function listLatestArticles(before: Cursor | null, limit?: number): Promise<ArticlePage> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  return queryArticlePage(Prisma.sql`TRUE`, before, limit);
}
