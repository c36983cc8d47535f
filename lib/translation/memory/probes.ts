import { normalizeSource } from "./normalize";

/**
 * Substrings of a segment that a similar stored source very likely shares, each looked up with
 * LIKE through the trigram index. Why not pg_trgm's `%` alone: for sentence-length text every
 * query has ~90 trigrams, many of them in most rows (" th", "ing"), and the GIN scan reads all of
 * their posting lists: 200–400 ms at 100,000 stored segments, whatever the threshold
 * (scripts/bench-memory.mjs). A LIKE probe needs all of its trigrams, so the index answers it
 * from its rarest one in a few milliseconds.
 *
 * Two kinds, so both kinds of fuzzy match are found:
 * - distinctive words (numbers, CVE IDs, versions, names, long words): the same sentence edited;
 * - three-word phrases from the start, middle and end: the same sentence frame with other names.
 */
export const MAX_WORD_PROBES = 4;

const STOPWORDS = new Set(
  (
    "the and for that with this from have has had was were are been its their they them than then " +
    "which when where while into over said says also about after before more most other some such " +
    "there these those what will would could should can may might not but all any our your his her"
  ).split(" "),
);

// as lib/translation/memory/score.ts counts words: 1,270,614 and CVE-2024-3400 are one each
const WORD = /[\p{L}\p{N}]+(?:(?:['’.\-_/:@]|,(?=\p{N}))[\p{L}\p{N}]+)*/gu;
// a probe without three letters or digits in a row yields no trigram: the index would read everything
const HAS_TRIGRAM = /[\p{L}\p{N}]{3}/u;

/** How distinctive a word probably is, from its shape alone (no corpus statistics needed). */
function weight(word: string, original: string, isFirst: boolean): number {
  let w = Math.min(word.length, 12) / 4;
  if (/\p{N}/u.test(word)) w += 4;
  // capitalised mid-sentence in the source: a name (a vendor, a malware family, a threat actor)
  if (!isFirst && /^\p{Lu}/u.test(original)) w += 2;
  return w;
}

// a number or a name; a plain word, however long, is shared by thousands of stored sentences and
// is looked up only while there are fewer than two of these (each probe costs a GIN scan)
const IS_DISTINCTIVE = 3.5;
const MIN_WORD_PROBES = 2;

export type Probes = {
  /** distinctive words, most distinctive first: all of them are in an exact match */
  words: string[];
  /** every probe to look up, words and phrases, without duplicates */
  all: string[];
};

export function probesFor(text: string): Probes {
  const norm = normalizeSource(text);
  const originals = Array.from(text.normalize("NFKC").matchAll(WORD), (m) => m[0]);
  const lower = originals.map((w) => w.toLowerCase());
  const words = [...new Set(lower)]
    .filter((w) => w.length >= 4 && !STOPWORDS.has(w) && HAS_TRIGRAM.test(w))
    .map((w) => {
      const i = lower.indexOf(w);
      return { w, score: weight(w, originals[i]!, i === 0) };
    })
    .sort((a, b) => b.score - a.score)
    .filter((x, i) => i < MIN_WORD_PROBES || x.score >= IS_DISTINCTIVE)
    .slice(0, MAX_WORD_PROBES)
    .map((x) => x.w);
  const spaced = norm.split(" ");
  const phrases =
    spaced.length <= 3
      ? [norm]
      : [0, Math.floor((spaced.length - 3) / 2), spaced.length - 3].map((i) =>
          spaced.slice(i, i + 3).join(" "),
        );
  return { words, all: [...new Set([...words, ...phrases])].filter((p) => HAS_TRIGRAM.test(p)) };
}
