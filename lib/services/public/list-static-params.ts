import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { isPublic } from "./article-card";
import { lists } from "./cache-profile";

/**
 * Which tag and member pages to prerender at build time: the busiest ones. Others render on their
 * first request and are then cached like the rest. Never empty (cacheComponents requires at least
 * one param), so an empty database yields a placeholder that renders the 404 page.
 */
export async function listStaticParams(limit = 30): Promise<{ tags: string[]; members: string[] }> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  const [tagRows, memberRows] = await Promise.all([
    db.$queryRaw<{ slug: string }[]>`
      SELECT t.slug FROM tags t JOIN article_tags at ON at."tagId" = t.id JOIN articles a ON a.id = at."articleId"
      WHERE ${isPublic} GROUP BY t.id ORDER BY count(*) DESC, t.slug LIMIT ${limit}`,
    db.$queryRaw<{ publicId: string }[]>`
      SELECT p."publicId" FROM profiles p JOIN articles a ON a."authorId" = p."userId"
      WHERE ${isPublic} GROUP BY p."userId" ORDER BY count(*) DESC, p."publicId" LIMIT ${limit}`,
  ]);
  const orPlaceholder = (xs: string[]) => (xs.length ? xs : ["__none__"]);
  return {
    tags: orPlaceholder(tagRows.map((r) => r.slug)),
    members: orPlaceholder(memberRows.map((r) => r.publicId)),
  };
}
