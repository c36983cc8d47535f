import type { SourceSegment } from "@/lib/translation/types";
import type { SegmentDiffEntry } from "./segment-diff";

/** A translation segment as the mapping needs it (TranslationSegment's columns). */
export type SegmentRow = { id: string; position: number; kind: string; sourceText: string };
export type SegmentRef = { id: string; position: number };

export type AffectedSegment = {
  op: "changed" | "removed" | "added";
  /** the diff entry this concerns (index into diffSegments' result) */
  entry: number;
  /** changed / removed: the translation segments made from the old source segment */
  segments: SegmentRef[];
  /** added: the translation segment the new source text follows (null: before the first one) */
  insertAfter?: SegmentRef | null;
};

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const ref = (r: SegmentRow): SegmentRef => ({ id: r.id, position: r.position });

/**
 * Which translation segments each snapshot segment became. Merge and split renumber positions,
 * so the link is the text: a segment equal to the source text, one containing it (a merge: two
 * source segments share it), or a run of segments it contains (a split). Walked in order, so a
 * repeated short text ("Update:") maps to its own occurrence.
 */
export function mapSnapshotToSegments(snapshot: SourceSegment[], rows: SegmentRow[]): SegmentRef[][] {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  const texts = sorted.map((r) => norm(r.sourceText));
  const at = (k: number) => sorted[k]!;
  const text = (k: number) => texts[k]!;
  let p = 0;
  return snapshot.map((s) => {
    const t = norm(s.text);
    if (!t) {
      const j = sorted.findIndex((r, k) => k >= p && !text(k) && r.kind === s.kind);
      if (j < 0) return [];
      p = j + 1;
      return [ref(at(j))];
    }
    for (let j = p; j < sorted.length; j++) {
      if (text(j) === t) {
        p = j + 1;
        return [ref(at(j))];
      }
      if (text(j).includes(t)) {
        p = j; // a merged segment may hold the next source segment too
        return [ref(at(j))];
      }
    }
    for (let j = p; j < sorted.length; j++) {
      if (!text(j) || !t.includes(text(j))) continue;
      let k = j;
      while (k + 1 < sorted.length && text(k + 1) && t.includes(text(k + 1))) k++;
      p = k + 1;
      return sorted.slice(j, k + 1).map(ref);
    }
    return [];
  });
}

/** The translation segments a source change touches, in the diff's order. */
export function affectedSegments(
  entries: SegmentDiffEntry[],
  current: SourceSegment[],
  rows: SegmentRow[],
): AffectedSegment[] {
  const map = mapSnapshotToSegments(current, rows);
  const out: AffectedSegment[] = [];
  let last: SegmentRef | null = null;
  entries.forEach((e, entry) => {
    const mine = (e.before && map[e.before.index]) || [];
    if (e.op === "added") out.push({ op: "added", entry, segments: [], insertAfter: last });
    else if (e.op !== "same") out.push({ op: e.op, entry, segments: mine });
    last = mine.at(-1) ?? last;
  });
  return out;
}
