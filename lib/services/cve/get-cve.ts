import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import type { Affected } from "@/lib/cve/feeds";
import { lists } from "@/lib/services/public/cache-profile";
import { isPublic } from "@/lib/services/public/article-card";
import type { Cursor } from "@/lib/services/public/cursor";
import { queryArticlePage, type ArticlePage } from "@/lib/services/public/query-article-page";

export type CveDto = {
  id: string;
  description: string | null;
  cvss: { version: string; vector: string; score: number; severity: string } | null;
  affected: Affected[];
  nvdPublishedAt: Date | null;
  kev: { addedAt: Date; dueDate: Date | null; ransomware: boolean } | null;
  /** published articles mentioning it: a CVE with none and no metadata has no page */
  articleCount: number;
};

const readAffected = (v: unknown): Affected[] =>
  Array.isArray(v)
    ? v.filter(
        (a): a is Affected =>
          typeof a === "object" &&
          a !== null &&
          typeof a.vendor === "string" &&
          typeof a.product === "string",
      )
    : [];

/**
 * One CVE for /cve/<id> (`id` canonical: the page normalises first), or null when the site knows
 * nothing about it: no imported metadata and no published article. Cached by tag: the import
 * leaves it to the cache life (`lists`, a minute), saves and publishing invalidate.
 */
export async function getCve(id: string): Promise<CveDto | null> {
  "use cache";
  cacheTag(tags.cve(id), tags.articles());
  cacheLife(lists);
  const row = await db.cve.findUnique({ where: { id } });
  if (!row) return null;
  const counted = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM article_cves c JOIN articles a ON a.id = c."articleId"
    WHERE c."cveId" = ${id} AND ${isPublic}`;
  const count = counted[0]?.count ?? 0;
  const known = row.description !== null || row.cvssVector !== null || row.kevAddedAt !== null;
  if (!known && count === 0) return null;
  return {
    id: row.id,
    description: row.description,
    cvss:
      row.cvssVersion && row.cvssVector && row.cvssScore !== null && row.severity
        ? {
            version: row.cvssVersion,
            vector: row.cvssVector,
            score: Number(row.cvssScore),
            severity: row.severity,
          }
        : null,
    affected: readAffected(row.affected),
    nvdPublishedAt: row.nvdPublishedAt,
    kev: row.kevAddedAt
      ? { addedAt: row.kevAddedAt, dueDate: row.kevDueDate, ransomware: row.kevRansomware === true }
      : null,
    articleCount: count,
  };
}

/** One keyset page (20) of the published articles mentioning a CVE, newest first. */
export async function listCveArticles(id: string, before: Cursor | null): Promise<ArticlePage> {
  "use cache";
  cacheTag(tags.cve(id), tags.articles());
  cacheLife(lists);
  const scope = Prisma.sql`EXISTS (SELECT 1 FROM article_cves c WHERE c."articleId" = a.id AND c."cveId" = ${id})`;
  return queryArticlePage(scope, before);
}

export type ArticleCveChip = { id: string; kev: boolean; severity: string | null };

/** The CVEs an article mentions, for the chips under it: KEV ones first, then by id. */
export async function listArticleCves(articleId: string): Promise<ArticleCveChip[]> {
  "use cache";
  cacheTag(tags.article(articleId), tags.cves());
  cacheLife(lists);
  const rows = await db.$queryRaw<ArticleCveChip[]>`
    SELECT c.id, c."kevAddedAt" IS NOT NULL AS kev, c.severity
    FROM article_cves ac JOIN cves c ON c.id = ac."cveId"
    WHERE ac."articleId" = ${articleId}
    ORDER BY c."kevAddedAt" IS NULL, c.id
    LIMIT 100`;
  return rows;
}
