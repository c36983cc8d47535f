import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentStatus } from "@/lib/generated/prisma/enums";
import { MEMORY_TEXT_MAX } from "@/lib/translation/memory/limits";
import { normalizeSource, pairHash } from "@/lib/translation/memory/normalize";
import { CARRIED_KINDS } from "@/lib/translation/types";

/**
 * Which segments of a published translation enter the memory. TRANSLATED counts as well as
 * REVIEWED: publishing is the editor's approval of the whole translation, and a desk that never
 * marks segments 已审校 one by one would otherwise never build a memory. DRAFT is not a
 * translator's final word, and a machine-filled segment nobody has confirmed is not a human
 * translation at all, so neither is stored.
 */
const STORED_STATUSES: SegmentStatus[] = ["TRANSLATED", "REVIEWED"];

/**
 * Stores the article's translated text segments in the translation memory. Called by publishing,
 * inside its transaction, so the memory changes only if the article really goes live. A pair
 * already stored (same normalised source, same translation) is refreshed, not duplicated: its
 * recency and article move to this publication. One read and one INSERT … SELECT, whatever the
 * number of segments. Returns the number of pairs written.
 *
 * Normalisation and hashing run here rather than in SQL so that stored rows and lookups share
 * exactly one definition of "the same source" (lib/translation/memory/normalize.ts).
 */
export async function recordMemory(tx: Prisma.TransactionClient, articleId: string): Promise<number> {
  const segments = await tx.translationSegment.findMany({
    where: {
      articleId,
      status: { in: STORED_STATUSES },
      kind: { notIn: [...CARRIED_KINDS] },
      machineFilled: false,
    },
    orderBy: { position: "asc" },
    select: { sourceText: true, targetText: true },
  });
  // the same pair twice in one statement would make ON CONFLICT touch a row twice (an error)
  const pairs = new Map<string, { source: string; norm: string; target: string }>();
  for (const s of segments) {
    const source = s.sourceText.trim();
    const target = s.targetText.trim();
    const norm = normalizeSource(source);
    // a source longer than a lookup may be could never be matched
    if (!norm || !target || source.length > MEMORY_TEXT_MAX) continue;
    pairs.set(pairHash(norm, target), { source, norm, target });
  }
  if (pairs.size === 0) return 0;
  const rows = [...pairs.values()];
  return tx.$executeRaw`
    INSERT INTO translation_memory
      (id, "sourceText", "targetText", "sourceNorm", "pairHash", "articleId", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, u.source, u.target, u.norm, u.hash, ${articleId}, now(), now()
    FROM unnest(
      ${rows.map((r) => r.source)}::text[],
      ${rows.map((r) => r.target)}::text[],
      ${rows.map((r) => r.norm)}::text[],
      ${[...pairs.keys()]}::text[]
    ) AS u(source, target, norm, hash)
    ON CONFLICT ("pairHash") DO UPDATE
      SET "sourceText" = EXCLUDED."sourceText", "articleId" = EXCLUDED."articleId", "updatedAt" = now()`;
}
