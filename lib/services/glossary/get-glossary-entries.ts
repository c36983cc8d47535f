import "server-only";
import { db } from "@/lib/db";
import type { GlossaryEntry } from "@/lib/translation/types";

type Memo = { version: string; entries: GlossaryEntry[] };
const g = globalThis as unknown as { __bylineGlossary?: Memo };

/**
 * Every glossary term, for the term matcher and the QA checks, alphabetical. Not authorised
 * here: callers are services and pages that have already checked translation.tools.
 *
 * Cached per process and keyed by the table's version (row count, highest id, and the exact sum of
 * all updatedAt values: any create, edit or delete changes at least one of them), read with one
 * aggregate per call. Not 'use cache' with a tag: the QA checks also run in the scheduled-publish
 * job and in scripts, where a tag cache does not exist, and with two app instances a tag
 * invalidated on one would leave the other serving the old glossary. The version query is
 * correct everywhere, and the glossary is small (hundreds of rows), so the check costs well
 * under a millisecond while a full read is saved.
 */
export async function getGlossaryEntries(): Promise<GlossaryEntry[]> {
  const [v] = await db.$queryRaw<{ version: string }[]>`
    SELECT concat_ws(':', count(*), max(id), sum(extract(epoch FROM "updatedAt"))) AS version
    FROM glossary_terms`;
  const version = v?.version ?? "";
  if (g.__bylineGlossary?.version === version) return g.__bylineGlossary.entries;
  const rows = await db.glossaryTerm.findMany({
    orderBy: [{ sourceNorm: "asc" }, { id: "asc" }],
    select: { id: true, source: true, target: true, variants: true, doNotTranslate: true, note: true },
  });
  g.__bylineGlossary = { version, entries: rows };
  return rows;
}
