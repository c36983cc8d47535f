import type { GlossaryEntry } from "@/lib/translation/types";
import { formsOf, tokenize, type Token } from "./tokenize";

export type TermHit = {
  entry: GlossaryEntry;
  /** UTF-16 offsets into the searched text, end exclusive */
  start: number;
  end: number;
  /** the text as written in the source ("Zero-Days") */
  matched: string;
};

export type TermMatcher = { find(text: string): TermHit[] };

type Terminal = { entry: GlossaryEntry; acronym: boolean };
type Node = { next: Map<string, Node>; terminal?: Terminal };

const newNode = (): Node => ({ next: new Map() });

/**
 * A trie over word and separator units, built once per glossary. Matching rules:
 * - case-insensitive, except all-capital short acronyms (APT, RAT, IOC): "rat" and "apt" are English
 *   words, so those match only in capitals (plural "APTs" included);
 * - whole words only (ASCII word runs): "CVE" never hits inside "CVEfix", but the plural "CVEs" is a
 *   hit for the CVE entry, because plurals (s/es/ies) of every form are forms of the entry;
 * - a hyphen and a space are the same separator ("zero-day" = "zero day" = "zero - day");
 * - on overlap the longest hit wins ("remote code execution" over "code execution").
 */
export function createTermMatcher(entries: GlossaryEntry[]): TermMatcher {
  const root = newNode();
  for (const entry of entries) {
    for (const { text, acronym } of formsOf(entry)) {
      let node = root;
      for (const unit of tokenize(text)) {
        const key = unit.key;
        let child = node.next.get(key);
        if (!child) node.next.set(key, (child = newNode()));
        node = child;
      }
      // the first entry to claim a form keeps it: a duplicate variant must not steal a term
      if (node !== root && !node.terminal) node.terminal = { entry, acronym };
    }
  }
  return { find: (text) => findHits(root, text) };
}

function findHits(root: Node, text: string): TermHit[] {
  const units = tokenize(text);
  const candidates: TermHit[] = [];
  for (let i = 0; i < units.length; i++) {
    if (!units[i]!.word) continue;
    const hit = longestFrom(root, units, i, text);
    if (hit) candidates.push(hit);
  }
  // longest first, then leftmost; keep a hit only if it overlaps none already kept
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TermHit[] = [];
  for (const c of candidates) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function longestFrom(root: Node, units: Token[], from: number, text: string): TermHit | undefined {
  let node = root;
  let best: TermHit | undefined;
  for (let j = from; j < units.length; j++) {
    const child = node.next.get(units[j]!.key);
    if (!child) break;
    node = child;
    const t = node.terminal;
    // a term ends on a word, never on a trailing separator
    if (!t || !units[j]!.word) continue;
    const start = units[from]!.start;
    const end = units[j]!.end;
    const matched = text.slice(start, end);
    if (t.acronym && /[a-z]/.test(matched.replace(/s$/, ""))) continue;
    best = { entry: t.entry, start, end, matched };
  }
  return best;
}
