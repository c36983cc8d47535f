import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { tags } from "@/lib/cache-tags";
import { lists } from "./cache-profile";
import type { Cursor } from "./cursor";
import { queryArticlePage, type ArticlePage } from "./query-article-page";

/** One keyset page of the public articles a member wrote or translated. */
export async function listMemberArticles(
  member: { publicId: string },
  before: Cursor | null,
  limit?: number,
): Promise<ArticlePage> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  // Resolved through the profile so the internal user id never leaves the service layer. The
  // scalar subquery runs once (an InitPlan), letting PostgreSQL use both author/translator indexes.
  const userId = Prisma.sql`(SELECT m."userId" FROM profiles m WHERE m."publicId" = ${member.publicId})`;
  const scope = Prisma.sql`(a."authorId" = ${userId} OR a."translatorId" = ${userId})`;
  return queryArticlePage(scope, before, limit);
}
