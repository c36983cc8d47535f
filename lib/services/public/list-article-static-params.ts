import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { isPublic } from "./article-card";
import { lists } from "./cache-profile";

/**
 * Article pages prerendered at build time: the newest ones, which get the traffic. Others are
 * rendered on their first visit and cached the same way. Never empty (cacheComponents needs one
 * param): an empty database yields a placeholder that renders the 404 page.
 */
export async function listArticleStaticParams(limit = 20): Promise<string[]> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  const rows = await db.$queryRaw<{ publicId: string }[]>`
    SELECT a."publicId" FROM articles a WHERE ${isPublic} ORDER BY a."publishedAt" DESC LIMIT ${limit}`;
  return rows.length ? rows.map((r) => r.publicId) : ["__none__"];
}
