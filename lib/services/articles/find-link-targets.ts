import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { containsPattern } from "@/lib/db/like";
import { safeText } from "@/lib/validation";

const linkTargetsInputSchema = z.strictObject({ q: safeText(100) });

export type LinkTarget = { title: string; url: string };

const MAX_RESULTS = 10;

/** LIKE's wildcards and its escape character, taken literally: "100%" finds "100%", not "100 anything". */

/**
 * 链接到本站文章: published articles whose title contains the query (case-insensitive), newest
 * first, at most ten, for the editor's link dialog. Only what readers can already see, so any
 * staff member who writes may search it.
 */
export async function findLinkTargets(actor: Actor | null, input: unknown): Promise<LinkTarget[]> {
  assertCan(actor, "article.create");
  const { q } = linkTargetsInputSchema.parse(input);
  if (!q) return [];
  const rows = await db.$queryRaw<{ publicId: string; title: string }[]>`
    SELECT "publicId", title FROM articles
    WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL AND title ILIKE ${containsPattern(q)} ESCAPE '\\'
    ORDER BY "publishedAt" DESC NULLS LAST, id
    LIMIT ${MAX_RESULTS}`;
  return rows.map((r) => ({ title: r.title, url: `/posts/${r.publicId}` }));
}
