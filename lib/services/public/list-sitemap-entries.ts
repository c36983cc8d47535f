import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { isPublic } from "./article-card";
import { lists } from "./cache-profile";

export type SitemapEntry = {
  kind: "article" | "category" | "tag" | "member" | "cve";
  key: string;
  lastModified: Date | null;
};

/** sitemap.xml's protocol limit per file */
const MAX_URLS = 50_000;

/**
 * Every public article plus the category, tag, member and CVE pages that have something public on
 * them, in one statement. Every list ends on a unique key so ties (tags first used by the same article)
 * come out in the same order on every render and after an export/import round trip.
 */
export async function listSitemapEntries(): Promise<SitemapEntry[]> {
  "use cache";
  cacheTag(tags.articles(), tags.categories(), tags.cves());
  cacheLife(lists);
  return db.$queryRaw<SitemapEntry[]>`
    (SELECT 'article' AS kind, a."publicId" AS key, GREATEST(a."updatedAt", a."publishedAt") AS "lastModified"
      FROM articles a WHERE ${isPublic} ORDER BY a."publishedAt" DESC, a."publicId" DESC LIMIT ${MAX_URLS - 2_000})
    UNION ALL
    (SELECT 'category', c.slug, max(a."publishedAt")
      FROM categories c LEFT JOIN articles a ON a."categoryId" = c.id AND ${isPublic}
      GROUP BY c.id ORDER BY c.position, c.slug)
    UNION ALL
    (SELECT 'tag', t.slug, max(a."publishedAt")
      FROM tags t JOIN article_tags at ON at."tagId" = t.id JOIN articles a ON a.id = at."articleId" AND ${isPublic}
      GROUP BY t.id ORDER BY max(a."publishedAt") DESC, t.slug LIMIT 500)
    UNION ALL
    (SELECT 'member', p."publicId", max(a."publishedAt")
      FROM profiles p JOIN articles a ON (a."authorId" = p."userId" OR a."translatorId" = p."userId") AND ${isPublic}
      GROUP BY p."userId" ORDER BY max(a."publishedAt") DESC, p."publicId" LIMIT 500)
    UNION ALL
    (SELECT 'cve', c.id, max(a."publishedAt")
      FROM cves c JOIN article_cves ac ON ac."cveId" = c.id JOIN articles a ON a.id = ac."articleId" AND ${isPublic}
      GROUP BY c.id ORDER BY max(a."publishedAt") DESC, c.id LIMIT 900)`;
}
