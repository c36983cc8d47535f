import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { affectedSegments } from "@/lib/translation/diff/affected-segments";
import { diffSegments } from "@/lib/translation/diff/segment-diff";
import type { SourceSegment } from "@/lib/translation/types";
import { SegmentDiffView } from "./segment-diff-view";

const p = (text: string): SourceSegment => ({ kind: "PARAGRAPH", text });
const before = [p("Intro."), p("The gang hit eleven hospitals."), p("Tail one."), p("Tail two.")];
const after = [
  p("Intro."),
  p("The gang hit fourteen hospitals."),
  p("A new <b>note</b>."),
  p("Tail one."),
  p("Tail two."),
];
const rows = before.map((s, position) => ({
  id: `s${position}`,
  position,
  kind: s.kind,
  sourceText: s.text,
}));

function render() {
  const diff = diffSegments(before, after);
  return renderToStaticMarkup(
    createElement(SegmentDiffView, { diff, affected: affectedSegments(diff, before, rows) }),
  );
}

describe("SegmentDiffView", () => {
  it("strikes the removed word and inserts the new one", () => {
    const html = render();
    expect(html).toMatch(/<del[^>]*>eleven<\/del>/);
    expect(html).toMatch(/<ins[^>]*>fourteen<\/ins>/);
    expect(html).toContain("译文第 2 段");
  });

  it("shows an added paragraph as inserted text, escaped, with where it goes", () => {
    const html = render();
    expect(html).toContain("新增");
    expect(html).toContain("A new &lt;b&gt;note&lt;/b&gt;.");
    expect(html).not.toContain("<b>note</b>");
    expect(html).toContain("插在译文第 2 段之后");
  });

  it("folds unchanged runs", () => {
    const html = render();
    expect(html).toContain("未变的 1 段");
    expect(html).toContain("未变的 2 段");
  });
});
