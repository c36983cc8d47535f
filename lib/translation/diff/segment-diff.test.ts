import { describe, expect, it } from "vitest";
import type { SourceSegment } from "@/lib/translation/types";
import { diffSegments, wordDiff } from "./segment-diff";

const p = (text: string): SourceSegment => ({ kind: "PARAGRAPH", text });
const h = (text: string): SourceSegment => ({
  kind: "HEADING",
  text,
  node: { type: "heading", attrs: { level: 2 } },
});
const img = (src: string): SourceSegment => ({
  kind: "IMAGE",
  text: "",
  node: { type: "image", attrs: { src } },
});
const ops = (e: ReturnType<typeof diffSegments>) =>
  e.map((x) => `${x.op}:${x.before?.index ?? "-"}>${x.after?.index ?? "-"}`);

const A = p("Attackers exploited CVE-2024-3400 in PAN-OS firewalls.");
const B = p("The flaw allows unauthenticated remote code execution.");
const C = p("Palo Alto Networks released hotfixes on April 14.");
const D = p("Researchers observed a Python backdoor named UPSTYLE.");

describe("diffSegments", () => {
  it("marks every segment same when nothing changed", () => {
    expect(ops(diffSegments([A, B, C], [A, B, C]))).toEqual(["same:0>0", "same:1>1", "same:2>2"]);
  });

  it("pairs an edited paragraph as changed, with a word diff", () => {
    const B2 = p("The flaw allows unauthenticated remote command execution as root.");
    const d = diffSegments([A, B, C], [A, B2, C]);
    expect(ops(d)).toEqual(["same:0>0", "changed:1>1", "same:2>2"]);
    const words = d[1]!.words!;
    expect(words.filter((w) => w.removed).map((w) => w.text.trim())).toEqual(["code"]);
    expect(words.filter((w) => w.added).map((w) => w.text.trim())).toEqual(["command", "as root"]);
    expect(words.map((w) => (w.removed ? "" : w.text)).join("")).toBe(B2.text);
    // common runs carry the new text's spacing: the old side reads right up to whitespace
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(words.map((w) => (w.added ? "" : w.text)).join(""))).toBe(squash(B.text));
  });

  it("shows an appended paragraph as added", () => {
    expect(ops(diffSegments([A, B], [A, B, D]))).toEqual(["same:0>0", "same:1>1", "added:->2"]);
  });

  it("shows a deleted paragraph as removed", () => {
    expect(ops(diffSegments([A, B, C], [A, C]))).toEqual(["same:0>0", "removed:1>-", "same:2>1"]);
  });

  it("does not mistake a paragraph inserted before an edited one for its new version", () => {
    const B2 = p("The flaw allows unauthenticated remote code execution on exposed devices.");
    expect(ops(diffSegments([A, B, C], [A, D, B2, C]))).toEqual([
      "same:0>0",
      "added:->1",
      "changed:1>2",
      "same:2>3",
    ]);
  });

  it("edits one paragraph and adds one after it", () => {
    const B2 = p("The flaw allows unauthenticated remote code execution (CVSS 10.0).");
    expect(ops(diffSegments([A, B, C], [A, B2, D, C]))).toEqual([
      "same:0>0",
      "changed:1>1",
      "added:->2",
      "same:2>3",
    ]);
  });

  it("keeps a replaced paragraph with nothing in common as removed and added", () => {
    expect(ops(diffSegments([A, B, C], [A, D, C]))).toEqual([
      "same:0>0",
      "removed:1>-",
      "added:->1",
      "same:2>2",
    ]);
  });

  it("treats a paragraph turned heading as changed, with no word changes", () => {
    const d = diffSegments([A, B], [h(A.text), B]);
    expect(ops(d)).toEqual(["changed:0>0", "same:1>1"]);
    expect(d[0]!.words!.some((w) => w.added || w.removed)).toBe(false);
  });

  it("compares images by their node, since they have no text", () => {
    expect(ops(diffSegments([A, img("/a.png")], [A, img("/a.png")]))).toEqual(["same:0>0", "same:1>1"]);
    expect(ops(diffSegments([A, img("/a.png")], [A, img("/b.png")]))).toEqual(["same:0>0", "changed:1>1"]);
    // what the hash ignores (a width attribute) the diff ignores too
    const wide: SourceSegment = {
      kind: "IMAGE",
      text: "",
      node: { type: "image", attrs: { src: "/a.png", width: 640 } },
    };
    expect(ops(diffSegments([img("/a.png")], [wide]))).toEqual(["same:0>0"]);
  });

  it("handles empty sides", () => {
    expect(diffSegments([], [])).toEqual([]);
    expect(ops(diffSegments([], [A]))).toEqual(["added:->0"]);
    expect(ops(diffSegments([A], []))).toEqual(["removed:0>-"]);
  });

  it("keeps the segments themselves on each side", () => {
    const d = diffSegments([A], [A, D]);
    expect(d[1]?.after).toEqual({ index: 1, segment: D });
    expect(d[0]?.before).toEqual({ index: 0, segment: A });
  });

  it("falls back to removed and added for a rewrite too large to pair", () => {
    const before = Array.from({ length: 120 }, (_, i) => p(`old paragraph number ${i} about ransomware`));
    const after = Array.from({ length: 120 }, (_, i) => p(`new paragraph number ${i} about ransomware`));
    const d = diffSegments(before, after);
    expect(d.filter((e) => e.op === "removed")).toHaveLength(120);
    expect(d.filter((e) => e.op === "added")).toHaveLength(120);
  });
});

describe("wordDiff", () => {
  it("marks the changed version number", () => {
    const w = wordDiff("Fixed in version 1.2.3.", "Fixed in version 1.2.4.");
    expect(w.some((x) => x.removed && x.text.includes("3"))).toBe(true);
    expect(w.some((x) => x.added && x.text.includes("4"))).toBe(true);
  });
});
