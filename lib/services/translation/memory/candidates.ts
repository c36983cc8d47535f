import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizeSource } from "@/lib/translation/memory/normalize";
import { containsPattern, probesFor } from "@/lib/translation/memory/probes";

export type Candidate = {
  id: string;
  sourceText: string;
  targetText: string;
  sourceNorm: string;
  updatedAt: Date;
};

/** Rows taken per probe: a frame shared by thousands of rows needs only a sample of them. */
const PER_PROBE = 40;

/**
 * The stored sources worth scoring: the same normalised source, and rows containing one of the
 * segment's probes (lib/translation/memory/probes.ts), each probe's share capped, all answered by
 * the GIN trigram index; then ranked by trigram similarity, so only the closest are word-scored.
 * Exported for the test that EXPLAINs it.
 */
export function candidatesSql(text: string, take: number) {
  const norm = normalizeSource(text);
  const probes = probesFor(text).map(
    (p) =>
      Prisma.sql`(SELECT id FROM translation_memory WHERE "sourceNorm" LIKE ${containsPattern(p)} LIMIT ${PER_PROBE})`,
  );
  return Prisma.sql`
    SELECT t.id, t."sourceText", t."targetText", t."sourceNorm", t."updatedAt"
    FROM translation_memory t
    WHERE t.id IN (
      (SELECT id FROM translation_memory WHERE "sourceNorm" = ${norm} LIMIT 20)
      ${probes.length ? Prisma.sql`UNION ALL ${Prisma.join(probes, " UNION ALL ")}` : Prisma.empty}
    )
    ORDER BY similarity(t."sourceNorm", ${norm}) DESC, t."updatedAt" DESC
    LIMIT ${take}`;
}

/**
 * A probe's LIMIT invites the planner to scan the table until it has found enough rows, a bet
 * it loses on rare probes (thousands of rows read for nothing, or all of them). The index is
 * always the right path here, so the transaction forbids the sequential scan; the setting is
 * transaction-local and never reaches other queries on the pooled connection.
 */
export const indexOnly = () => db.$executeRaw`SELECT set_config('enable_seqscan', 'off', true)`;

export async function findCandidates(text: string, take: number): Promise<Candidate[]> {
  const [, rows] = await db.$transaction([indexOnly(), db.$queryRaw<Candidate[]>(candidatesSql(text, take))]);
  return rows;
}
