import { describe, expect, it } from "vitest";
import { glossaryTerms } from "@/prisma/seed/data/glossary-terms";
import type { GlossaryEntry } from "@/lib/translation/types";
import { createTermMatcher } from "./match";

const entries: GlossaryEntry[] = glossaryTerms.map((g, i) => ({
  id: i + 1,
  source: g.source,
  target: g.target ?? "",
  variants: g.variants ?? [],
  doNotTranslate: g.doNotTranslate ?? false,
  note: g.note ?? "",
}));
const matcher = createTermMatcher(entries);

describe("the seeded termbase", () => {
  it("has at least 150 terms, 25 of them kept as written, one per lower-cased source", () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    expect(entries.filter((e) => e.doNotTranslate).length).toBeGreaterThanOrEqual(25);
    const norms = entries.map((e) => e.source.toLowerCase());
    expect(norms.filter((n, i) => norms.indexOf(n) !== i)).toEqual([]);
  });

  it("gives every translated term a Chinese target and no do-not-translate name one", () => {
    for (const e of entries) {
      if (e.doNotTranslate) expect(e.target, e.source).toBe("");
      else expect(e.target, e.source).toMatch(/\p{Script=Han}|^[A-Z][a-z]+$/u);
    }
  });

  it("finds each term (and each variant) as that term, in a sentence", () => {
    for (const e of entries) {
      for (const form of [e.source, ...e.variants]) {
        const hits = matcher.find(`Researchers said the ${form} was new.`);
        expect(
          hits.map((h) => h.entry.source),
          form,
        ).toEqual([e.source]);
      }
    }
  });

  it("does not fire on everyday English around the terms", () => {
    const text =
      "The company said it was apt to patchwork its plans, hashing out a trojanised idea in a rat race.";
    expect(matcher.find(text).map((h) => h.matched)).toEqual([]);
  });
});
