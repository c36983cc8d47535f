import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { isPublic } from "./article-card";
import { lists } from "./cache-profile";

export type TagCve = {
  id: string;
  severity: string | null;
  score: number | null;
  kev: boolean;
  articles: number;
};

/**
 * The CVEs a tag's published articles mention, most mentioned first (an entity page: what
 * APT29 exploited, what Exchange Server suffered). One statement, at most 30.
 */
export async function listTagCves(tagId: number): Promise<TagCve[]> {
  "use cache";
  cacheTag(tags.articles(), tags.cves());
  cacheLife(lists);
  return db.$queryRaw<TagCve[]>`
    SELECT c.id, c.severity, c."cvssScore"::float8 AS score, c."kevAddedAt" IS NOT NULL AS kev,
      count(DISTINCT a.id)::int AS articles
    FROM article_tags at
    JOIN articles a ON a.id = at."articleId" AND ${isPublic}
    JOIN article_cves ac ON ac."articleId" = a.id
    JOIN cves c ON c.id = ac."cveId"
    WHERE at."tagId" = ${tagId}
    GROUP BY c.id
    ORDER BY count(DISTINCT a.id) DESC, c.id DESC
    LIMIT 30`;
}
