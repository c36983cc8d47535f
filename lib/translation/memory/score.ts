import { diffArrays } from "diff";

/** One run of the stored source's text; `changed` where it differs from the segment looked up. */
export type DiffPart = { text: string; changed: boolean };

export type FuzzyScore = { score: number; diff: DiffPart[] };

type Token = { key: string; start: number; end: number };

// A word keeps its inner dots, hyphens, slashes and apostrophes (and commas between digits), so
// CVE-2024-3400, 1.2.3-rc1, 1,270,614, example.com and "company's" are one unit each, as a
// translator counts them; any other
// non-space character (a comma, a bracket) is a unit of its own.
const TOKEN = /[\p{L}\p{N}]+(?:(?:['’.\-_/:@]|,(?=\p{N}))[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

function tokenize(text: string): Token[] {
  return Array.from(text.normalize("NFKC").matchAll(TOKEN), (m) => ({
    key: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * How close a stored source is to the segment being translated, as a translator reads a CAT
 * tool's percentage: 100 minus the share of words that would have to change, over the longer of
 * the two texts. The distance is word-level: in each differing stretch it is max(words removed,
 * words added), so a replaced word counts once. Case and spacing are ignored. Only an identical
 * normalised source is 100 (the caller knows that); anything else is at most 99.
 *
 * `diff` is the stored source, in order, split where it differs from the query; words only in
 * the query are left out, so joining the parts gives back the stored source exactly.
 */
export function fuzzyScore(query: string, stored: string): FuzzyScore {
  const q = tokenize(query);
  // stored offsets must index the text we return, so it is tokenized as stored (NFKC only
  // changes compatibility characters, which an English source rarely has)
  const s = Array.from(stored.matchAll(TOKEN), (m) => ({
    key: m[0].normalize("NFKC").toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const changes = diffArrays(
    q.map((t) => t.key),
    s.map((t) => t.key),
  );
  const changedStored: boolean[] = [];
  let distance = 0;
  let removed = 0;
  let added = 0;
  for (const c of changes) {
    if (c.removed) removed += c.count;
    else if (c.added) added += c.count;
    else {
      distance += Math.max(removed, added);
      removed = added = 0;
    }
    if (!c.removed) for (let i = 0; i < c.count; i++) changedStored.push(c.added);
  }
  distance += Math.max(removed, added);
  const longer = Math.max(q.length, s.length);
  const score = longer === 0 ? 0 : Math.max(0, Math.min(99, Math.round(100 * (1 - distance / longer))));
  return { score, diff: toParts(stored, s, changedStored) };
}

/** Spaces between a changed and an unchanged word stay unmarked, so a highlight covers words only. */
function toParts(text: string, tokens: Token[], changed: boolean[]): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (piece: string, isChanged: boolean) => {
    if (!piece) return;
    const last = parts.at(-1);
    if (last && last.changed === isChanged) last.text += piece;
    else parts.push({ text: piece, changed: isChanged });
  };
  let end = 0;
  let wasChanged = false;
  tokens.forEach((t, i) => {
    const isChanged = changed[i] ?? false;
    push(text.slice(end, t.start), wasChanged && isChanged);
    push(text.slice(t.start, t.end), isChanged);
    end = t.end;
    wasChanged = isChanged;
  });
  push(text.slice(end), false);
  return parts;
}
