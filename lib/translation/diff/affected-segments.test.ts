import { describe, expect, it } from "vitest";
import type { SourceSegment } from "@/lib/translation/types";
import { affectedSegments, mapSnapshotToSegments, type SegmentRow } from "./affected-segments";
import { diffSegments } from "./segment-diff";

const p = (text: string): SourceSegment => ({ kind: "PARAGRAPH", text });
const row = (id: string, position: number, sourceText: string, kind = "PARAGRAPH"): SegmentRow => ({
  id,
  position,
  kind,
  sourceText,
});
const ids = (m: { id: string }[][]) => m.map((x) => x.map((r) => r.id).join("+"));

const [s1, s2, s3] = [p("First paragraph."), p("Second paragraph."), p("Third paragraph.")];
const snap = [s1, s2, s3];

describe("mapSnapshotToSegments", () => {
  it("maps one to one by text, whatever the row order", () => {
    const rows = [
      row("c", 2, "Third paragraph."),
      row("a", 0, "First paragraph."),
      row("b", 1, "Second  paragraph."),
    ];
    expect(ids(mapSnapshotToSegments(snap, rows))).toEqual(["a", "b", "c"]);
  });

  it("maps two source segments to one merged segment", () => {
    const rows = [row("ab", 0, "First paragraph. Second paragraph."), row("c", 1, "Third paragraph.")];
    expect(ids(mapSnapshotToSegments(snap, rows))).toEqual(["ab", "ab", "c"]);
  });

  it("maps a split source segment to its parts", () => {
    const src = [p("One sentence. Another sentence."), p("Tail.")];
    const rows = [row("x", 0, "One sentence."), row("y", 1, "Another sentence."), row("z", 2, "Tail.")];
    expect(ids(mapSnapshotToSegments(src, rows))).toEqual(["x+y", "z"]);
  });

  it("maps repeated texts to their own occurrences", () => {
    const src = [p("Update:"), p("A."), p("Update:"), p("B.")];
    const rows = [row("u1", 0, "Update:"), row("a", 1, "A."), row("u2", 2, "Update:"), row("b", 3, "B.")];
    expect(ids(mapSnapshotToSegments(src, rows))).toEqual(["u1", "a", "u2", "b"]);
  });

  it("maps images by kind and order", () => {
    const src: SourceSegment[] = [p("A."), { kind: "IMAGE", text: "", node: { type: "image" } }];
    const rows = [row("a", 0, "A."), row("i", 1, "", "IMAGE")];
    expect(ids(mapSnapshotToSegments(src, rows))).toEqual(["a", "i"]);
  });

  it("leaves a source segment without a translation segment empty", () => {
    expect(ids(mapSnapshotToSegments(snap, [row("a", 0, "First paragraph.")]))).toEqual(["a", "", ""]);
  });
});

describe("affectedSegments", () => {
  it("names the changed segment and where an added one goes", () => {
    const rows = [
      row("a", 0, "First paragraph."),
      row("b", 1, "Second paragraph."),
      row("c", 2, "Third paragraph."),
    ];
    const after = [s1, p("Second paragraph, edited."), p("A brand new note."), s3];
    const d = diffSegments(snap, after);
    expect(affectedSegments(d, snap, rows)).toEqual([
      { op: "changed", entry: 1, segments: [{ id: "b", position: 1 }] },
      { op: "added", entry: 2, segments: [], insertAfter: { id: "b", position: 1 } },
    ]);
  });

  it("puts an added first segment before everything and reports removals", () => {
    const rows = [
      row("a", 0, "First paragraph."),
      row("b", 1, "Second paragraph."),
      row("c", 2, "Third paragraph."),
    ];
    const after = [p("Editor's note: nothing to do with it."), s1, s3];
    const d = diffSegments(snap, after);
    expect(affectedSegments(d, snap, rows)).toEqual([
      { op: "added", entry: 0, segments: [], insertAfter: null },
      { op: "removed", entry: 2, segments: [{ id: "b", position: 1 }] },
    ]);
  });
});
