import type { JSONContent } from "@tiptap/core";
import { tags } from "@/lib/cache-tags";
import { detectCves } from "@/lib/cve/detect";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Rewrites which CVEs an article mentions from its body (lib/cve/detect.ts), inside the caller's
 * transaction: bare `cves` rows for ids the import has not described (so the foreign key holds and
 * the id gets a page), then article_cves replaced. Returns the ids mentioned before and after, so
 * the caller can invalidate the pages of both.
 */
export async function rewriteArticleCves(
  tx: Tx,
  articleId: string,
  body: JSONContent,
): Promise<{ before: string[]; after: string[] }> {
  const after = detectCves(body);
  const old = await tx.articleCve.findMany({ where: { articleId }, select: { cveId: true } });
  const before = old.map((r) => r.cveId);
  if (after.length) await tx.cve.createMany({ data: after.map((id) => ({ id })), skipDuplicates: true });
  await tx.articleCve.deleteMany({ where: { articleId, cveId: { notIn: after } } });
  if (after.length)
    await tx.articleCve.createMany({
      data: after.map((cveId) => ({ articleId, cveId })),
      skipDuplicates: true,
    });
  return { before, after };
}

/** The cache tags of the CVE pages an article's change touches (its old and new mentions, and the index). */
export function cveChangeTags(change: { before: string[]; after: string[] } | null): string[] {
  if (!change) return [];
  const ids = new Set([...change.before, ...change.after]);
  return ids.size ? [tags.cves(), ...[...ids].map((id) => tags.cve(id))] : [];
}
