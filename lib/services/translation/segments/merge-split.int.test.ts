import { describe, expect, it } from "vitest";
import { createActor } from "./test-helpers";
import { mergeSegments } from "./merge-segments";
import { splitSegment } from "./split-segment";
import { segmentsOf, translationWith } from "./test-helpers";

const four = () =>
  translationWith([
    { kind: "HEADING", source: "Overview", target: "概览", node: { type: "heading", attrs: { level: 2 } } },
    { source: "The gang used an", target: "该团伙使用了" },
    { source: "infostealer.", target: "信息窃取程序。" },
    { source: "Patch now." },
  ]);

const shape = async (articleId: string) =>
  (await segmentsOf(articleId)).map((s) => [s.position, s.kind, s.sourceText, s.targetText, s.status]);

describe("mergeSegments", () => {
  it("joins two adjacent segments (space in English, none in Chinese) and renumbers in order", async () => {
    const { translator, article, segments } = await four();
    const merged = await mergeSegments(translator, {
      articleId: article.id,
      firstId: segments[1]!.id,
      secondId: segments[2]!.id,
      versions: [1, 1],
    });
    expect(merged).toMatchObject({ sourceText: "The gang used an infostealer.", version: 2 });
    expect(await shape(article.id)).toEqual([
      [0, "HEADING", "Overview", "概览", "DRAFT"],
      [1, "PARAGRAPH", "The gang used an infostealer.", "该团伙使用了信息窃取程序。", "DRAFT"],
      [2, "PARAGRAPH", "Patch now.", "", "UNTRANSLATED"],
    ]);
  });

  it("refuses non-adjacent, different kinds, stale versions and others' articles, changing nothing", async () => {
    const { translator, article, segments } = await four();
    const before = await shape(article.id);
    const m = (firstId: string, secondId: string, versions: [number, number] = [1, 1]) =>
      mergeSegments(translator, { articleId: article.id, firstId, secondId, versions });
    await expect(m(segments[1]!.id, segments[3]!.id)).rejects.toMatchObject({ code: "INVALID" });
    await expect(m(segments[2]!.id, segments[1]!.id)).rejects.toMatchObject({ code: "INVALID" });
    await expect(m(segments[0]!.id, segments[1]!.id)).rejects.toMatchObject({ code: "INVALID" });
    await expect(m(segments[1]!.id, segments[2]!.id, [1, 2])).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await createActor("TRANSLATOR");
    await expect(
      mergeSegments(other, {
        articleId: article.id,
        firstId: segments[1]!.id,
        secondId: segments[2]!.id,
        versions: [1, 1],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await shape(article.id)).toEqual(before);
  });
});

describe("splitSegment", () => {
  it("splits source and target at the offsets into two segments in order", async () => {
    const { translator, article } = await translationWith([
      { source: "First." },
      {
        source: "Attackers moved laterally. Then they deployed ransomware.",
        target: "攻击者横向移动。随后部署了勒索软件。",
      },
      { source: "Last." },
    ]);
    const seg = (await segmentsOf(article.id))[1]!;
    const [a, b] = await splitSegment(translator, {
      articleId: article.id,
      segmentId: seg.id,
      version: 1,
      sourceOffset: "Attackers moved laterally.".length,
      targetOffset: "攻击者横向移动。".length,
    });
    expect([a.position, a.version, b.position, b.version]).toEqual([1, 2, 2, 1]);
    expect(await shape(article.id)).toEqual([
      [0, "PARAGRAPH", "First.", "", "UNTRANSLATED"],
      [1, "PARAGRAPH", "Attackers moved laterally.", "攻击者横向移动。", "DRAFT"],
      [2, "PARAGRAPH", "Then they deployed ransomware.", "随后部署了勒索软件。", "DRAFT"],
      [3, "PARAGRAPH", "Last.", "", "UNTRANSLATED"],
    ]);
  });

  it("a split list item keeps its list; split then merge gives back the segment", async () => {
    const node = { type: "listItem", attrs: { list: "ordered" } };
    const { translator, article, segments } = await translationWith([
      { kind: "LIST_ITEM", source: "Isolate hosts and reset passwords.", node },
    ]);
    const [a, b] = await splitSegment(translator, {
      articleId: article.id,
      segmentId: segments[0]!.id,
      version: 1,
      sourceOffset: "Isolate hosts".length,
      targetOffset: 0,
    });
    const rows = await segmentsOf(article.id);
    expect(rows.map((r) => [r.kind, r.sourceNode, r.status])).toEqual([
      ["LIST_ITEM", node, "UNTRANSLATED"],
      ["LIST_ITEM", node, "UNTRANSLATED"],
    ]);
    const merged = await mergeSegments(translator, {
      articleId: article.id,
      firstId: a.id,
      secondId: b.id,
      versions: [a.version, b.version],
    });
    expect(merged.sourceText).toBe("Isolate hosts and reset passwords.");
  });

  it("refuses an empty half, a stale version and a surrogate pair cut, changing nothing", async () => {
    const { translator, article, segments } = await translationWith([
      { source: "Hello world", target: "你好😀世界" },
    ]);
    const base = { articleId: article.id, segmentId: segments[0]!.id, version: 1, targetOffset: 0 };
    await expect(splitSegment(translator, { ...base, sourceOffset: 0 })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(splitSegment(translator, { ...base, sourceOffset: 11 })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(
      splitSegment(translator, { ...base, sourceOffset: 5, targetOffset: 3 }),
    ).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(splitSegment(translator, { ...base, version: 2, sourceOffset: 5 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await shape(article.id)).toEqual([[0, "PARAGRAPH", "Hello world", "你好😀世界", "DRAFT"]]);
  });
});
