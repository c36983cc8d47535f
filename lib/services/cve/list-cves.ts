import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { lists } from "@/lib/services/public/cache-profile";
import { isPublic } from "@/lib/services/public/article-card";

export type CveListItem = {
  id: string;
  severity: string | null;
  score: number | null;
  kevAddedAt: Date | null;
  articleCount: number;
  lastMentionedAt: Date;
};

export const CVE_PAGE_SIZE = 30;
/** deeper pages than this are refused by the page (OFFSET cost stays bounded) */
export const MAX_CVE_PAGE = 200;

/**
 * The /cve index: CVEs with at least one published article, those in CISA's KEV first (newest
 * addition first), then by their latest mention. `prefix` (already upper-cased, CVE-… characters
 * only) narrows it to ids starting with it: "CVE-2024-" or a whole id.
 */
export async function listCves(
  page: number,
  prefix: string,
): Promise<{ items: CveListItem[]; total: number; pageCount: number }> {
  "use cache";
  cacheTag(tags.cves(), tags.articles());
  cacheLife(lists);
  const like = prefix ? Prisma.sql`AND c.id LIKE ${prefix.replace(/[%_\\]/g, "") + "%"}` : Prisma.empty;
  const rows = await db.$queryRaw<(CveListItem & { total: number })[]>`
    SELECT c.id, c.severity, c."cvssScore"::float8 AS score, c."kevAddedAt",
      count(*)::int AS "articleCount", max(a."publishedAt") AS "lastMentionedAt",
      count(*) OVER ()::int AS total
    FROM cves c JOIN article_cves ac ON ac."cveId" = c.id JOIN articles a ON a.id = ac."articleId" AND ${isPublic}
    WHERE TRUE ${like}
    GROUP BY c.id
    ORDER BY c."kevAddedAt" DESC NULLS LAST, max(a."publishedAt") DESC, c.id DESC
    LIMIT ${CVE_PAGE_SIZE} OFFSET ${(page - 1) * CVE_PAGE_SIZE}`;
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map((r) => ({
      id: r.id,
      severity: r.severity,
      score: r.score,
      kevAddedAt: r.kevAddedAt,
      articleCount: r.articleCount,
      lastMentionedAt: r.lastMentionedAt,
    })),
    total,
    pageCount: Math.max(1, Math.ceil(total / CVE_PAGE_SIZE)),
  };
}
