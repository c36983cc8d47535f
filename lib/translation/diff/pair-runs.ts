import type { DiffSide } from "./segment-diff";

/** Below this word overlap two segments are different paragraphs, not one paragraph edited. */
const MIN_SIMILARITY = 0.3;
/** A rewrite larger than this (removed × added segments) is shown as removed and added, unpaired. */
const MAX_CELLS = 10_000;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Dice coefficient over word multisets: 1 for the same words, 0 for none shared. */
function similarity(a: DiffSide["segment"], b: DiffSide["segment"]): number {
  if (!a.text && !b.text) return a.kind === b.kind ? 0.5 : 0;
  const wa = words(a.text);
  const wb = words(b.text);
  if (!wa.length || !wb.length) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const n = counts.get(w);
    if (n) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}

export type Paired = { before?: DiffSide; after?: DiffSide };

/**
 * Pairs a removed run with the added run beside it, keeping reading order on both sides and
 * maximising the summed similarity (a small LCS-style table). Unpaired segments come out where
 * they stand, removed ones before added ones.
 */
export function pairRuns(removed: DiffSide[], added: DiffSide[]): Paired[] {
  const m = removed.length;
  const n = added.length;
  const pairs: [number, number][] = [];
  if (m && n && m * n <= MAX_CELLS) {
    const sim = (a: number, b: number) => similarity(removed[a]!.segment, added[b]!.segment);
    const sims = Float64Array.from({ length: m * n }, (_, k) => sim(Math.floor(k / n), k % n));
    const s = (a: number, b: number) => sims[(a - 1) * n + (b - 1)]!;
    // best(a, b): the highest summed similarity pairing removed[0, a) with added[0, b)
    const table = new Float64Array((m + 1) * (n + 1));
    const best = (a: number, b: number) => table[a * (n + 1) + b]!;
    const take = (a: number, b: number) => (s(a, b) >= MIN_SIMILARITY ? best(a - 1, b - 1) + s(a, b) : -1);
    for (let a = 1; a <= m; a++)
      for (let b = 1; b <= n; b++)
        table[a * (n + 1) + b] = Math.max(best(a - 1, b), best(a, b - 1), take(a, b));
    for (let a = m, b = n; a > 0 && b > 0;) {
      if (best(a, b) === take(a, b)) {
        pairs.unshift([a - 1, b - 1]);
        a--;
        b--;
      } else if (best(a, b) === best(a - 1, b)) a--;
      else b--;
    }
  }
  const out: Paired[] = [];
  let a = 0;
  let b = 0;
  for (const [pa, pb] of [...pairs, [m, n] as [number, number]]) {
    while (a < pa) out.push({ before: removed[a++] });
    while (b < pb) out.push({ after: added[b++] });
    if (pa < m && pb < n) out.push({ before: removed[a++], after: added[b++] });
  }
  return out;
}
