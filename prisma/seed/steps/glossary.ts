import type { Db } from "@/lib/db/client";
import { glossaryTerms } from "../data/glossary-terms";

/**
 * The termbase. Keyed by sourceNorm (the lower-cased source): a term already present, perhaps edited
 * by an editor in the demo, is left as it is; ON CONFLICT DO NOTHING in one statement does what an
 * upsert with an empty update would, without 240 round trips.
 */
export async function seedGlossary(db: Db) {
  const { count } = await db.glossaryTerm.createMany({
    data: glossaryTerms.map((g) => ({
      source: g.source,
      sourceNorm: g.source.toLowerCase(),
      target: g.doNotTranslate ? "" : (g.target ?? ""),
      variants: g.variants ?? [],
      doNotTranslate: g.doNotTranslate ?? false,
      note: g.note ?? "",
    })),
    skipDuplicates: true,
  });
  return { created: count, total: glossaryTerms.length };
}
