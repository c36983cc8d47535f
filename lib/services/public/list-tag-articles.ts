import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { tags } from "@/lib/cache-tags";
import { lists } from "./cache-profile";
import type { Cursor } from "./cursor";
import { queryArticlePage, type ArticlePage } from "./query-article-page";

/** One keyset page of the public articles carrying a tag. */
export async function listTagArticles(
  tag: { id: number; slug: string },
  before: Cursor | null,
  limit?: number,
): Promise<ArticlePage> {
  "use cache";
  cacheTag(tags.articles(), tags.tag(tag.slug));
  cacheLife(lists);
  const scope = Prisma.sql`EXISTS (SELECT 1 FROM article_tags t WHERE t."articleId" = a.id AND t."tagId" = ${tag.id})`;
  return queryArticlePage(scope, before, limit);
}
