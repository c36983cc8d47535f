import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizeSource } from "@/lib/translation/memory/normalize";
import { containsPattern } from "@/lib/db/like";
import { probesFor } from "@/lib/translation/memory/probes";

export type Candidate = {
  id: string;
  sourceText: string;
  targetText: string;
  sourceNorm: string;
  updatedAt: Date;
};

/** Rows taken per probe: a frame shared by thousands of rows needs only a sample of them. */
const PER_PROBE = 30;
const COLUMNS = Prisma.sql`id, "sourceText", "targetText", "sourceNorm", "updatedAt"`;

/**
 * The same normalised source. `=` through the trigram index opens every trigram of the text
 * (50 ms and more for a sentence), so the index is asked only for rows holding all of its
 * distinctive words, and equality is checked on those few rows: md5() keeps the planner from
 * handing `=` to the index. A text without such words is short, and plain `=` is cheap for it.
 */
function exactSql(norm: string, words: string[]) {
  if (!words.length)
    return Prisma.sql`SELECT ${COLUMNS} FROM translation_memory WHERE "sourceNorm" = ${norm}`;
  const likes = words.map((w) => Prisma.sql`"sourceNorm" LIKE ${containsPattern(w)}`);
  return Prisma.sql`SELECT ${COLUMNS} FROM translation_memory
    WHERE ${Prisma.join(likes, " AND ")} AND md5("sourceNorm") = md5(${norm})`;
}

/**
 * The stored sources worth scoring: the same normalised source, and rows containing one of the
 * segment's probes (lib/translation/memory/probes.ts), each probe's share capped, all answered by
 * the GIN trigram index; then ranked by trigram similarity, so only the closest are word-scored.
 * Exported for the test that EXPLAINs it.
 */
export function candidatesSql(text: string, take: number) {
  const norm = normalizeSource(text);
  const { words, all } = probesFor(text);
  // a number (a CVE ID, a version) alone narrows an exact match to a handful of rows; otherwise
  // the two most distinctive words do. Every further word is one more posting list to intersect.
  const exactWords = words.slice(0, /\p{N}/u.test(words[0] ?? "") ? 1 : 2);
  const probes = all.map(
    (p) =>
      Prisma.sql`(SELECT ${COLUMNS} FROM translation_memory WHERE "sourceNorm" LIKE ${containsPattern(p)} LIMIT ${PER_PROBE})`,
  );
  return Prisma.sql`
    SELECT c.* FROM ((${exactSql(norm, exactWords)}) ${probes.length ? Prisma.sql`UNION ${Prisma.join(probes, " UNION ")}` : Prisma.empty}) AS c
    ORDER BY similarity(c."sourceNorm", ${norm}) DESC, c."updatedAt" DESC
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
