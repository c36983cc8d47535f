import { diffArrays, diffWords } from "diff";
import type { SourceSegment } from "@/lib/translation/types";
import { pairRuns } from "./pair-runs";

export type DiffSide = { index: number; segment: SourceSegment };
export type DiffWord = { text: string; added?: boolean; removed?: boolean };
export type SegmentDiffEntry = {
  op: "same" | "changed" | "added" | "removed";
  before?: DiffSide;
  after?: DiffSide;
  /**
   * for "changed": the words of both texts in reading order, each marked added or removed or
   * neither; unmarked runs carry the new text's spacing (render inline, not as two columns)
   */
  words?: DiffWord[];
};

/**
 * What makes two segments "the same": what hashSegments (lib/translation/source/hash.ts) counts,
 * so the diff shows exactly the change that flagged the article. Kind and text; an image has no
 * text, so its address and caption; a paragraph that became a heading counts as changed.
 */
const segmentKey = (s: SourceSegment) =>
  s.kind === "IMAGE"
    ? `IMAGE\u0000${String(s.node?.attrs?.src ?? "")}\u0000${String(s.node?.attrs?.caption ?? "")}`
    : `${s.kind}\u0000${s.text}`;

export function wordDiff(before: string, after: string): DiffWord[] {
  return diffWords(before, after).map((c) =>
    c.added
      ? { text: c.value, added: true }
      : c.removed
        ? { text: c.value, removed: true }
        : { text: c.value },
  );
}

/**
 * The old and the new source aligned by content, in reading order: runs of equal segments are
 * "same"; a removed run next to an added run is paired into "changed" entries where the texts are
 * alike (an edited paragraph), the rest stay "removed" and "added" (a paragraph inserted before
 * an edited one is not mistaken for its new version).
 */
export function diffSegments(before: SourceSegment[], after: SourceSegment[]): SegmentDiffEntry[] {
  const changes = diffArrays(before.map(segmentKey), after.map(segmentKey));
  const out: SegmentDiffEntry[] = [];
  let i = 0;
  let j = 0;
  let removed: DiffSide[] = [];
  const flush = (added: DiffSide[]) => {
    for (const p of pairRuns(removed, added)) {
      if (p.before && p.after)
        out.push({ op: "changed", ...p, words: wordDiff(p.before.segment.text, p.after.segment.text) });
      else out.push(p.before ? { op: "removed", before: p.before } : { op: "added", after: p.after });
    }
    removed = [];
  };
  for (const c of changes) {
    if (c.removed) {
      for (let k = 0; k < c.count; k++, i++) removed.push({ index: i, segment: before[i]! });
    } else if (c.added) {
      const added: DiffSide[] = [];
      for (let k = 0; k < c.count; k++, j++) added.push({ index: j, segment: after[j]! });
      flush(added);
    } else {
      flush([]);
      for (let k = 0; k < c.count; k++, i++, j++)
        out.push({
          op: "same",
          before: { index: i, segment: before[i]! },
          after: { index: j, segment: after[j]! },
        });
    }
  }
  flush([]);
  return out;
}
