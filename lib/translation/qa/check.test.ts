import { describe, expect, it } from "vitest";
import { createTermMatcher } from "@/lib/translation/glossary/match";
import type { GlossaryEntry, WorkSegment } from "@/lib/translation/types";
import { checkSegment, checkTranslation, qaBlocksPublish, qaWarnings, summarize } from "./index";

const seg = (over: Partial<WorkSegment>): WorkSegment => ({
  id: "s1",
  position: 0,
  kind: "PARAGRAPH",
  sourceText: "",
  targetText: "",
  status: "TRANSLATED",
  machineFilled: false,
  version: 1,
  ...over,
});
const entry = (id: number, source: string, target: string, doNotTranslate = false): GlossaryEntry => ({
  id,
  source,
  target,
  variants: [],
  doNotTranslate,
  note: "",
});
const matcher = createTermMatcher([
  entry(1, "ransomware", "勒索软件"),
  entry(2, "threat actor", "威胁行为者"),
  entry(3, "LockBit", "", true),
  entry(4, "Cobalt Strike", "", true),
  entry(5, "web application firewall", "Web 应用防火墙"),
]);
const codes = (s: Partial<WorkSegment>, stage: "translate" | "submit" | "publish" = "submit") =>
  checkSegment(seg(s), { matcher, stage }).map((f) => `${f.code}:${f.severity}`);

describe("untranslated and machine-filled segments", () => {
  it.each([
    ["translate", "warning"],
    ["submit", "warning"],
    ["publish", "error"],
  ] as const)("an empty target at %s is one %s", (stage, severity) => {
    expect(codes({ sourceText: "Patch CVE-2024-3400.", targetText: "  ", status: "DRAFT" }, stage)).toEqual([
      `untranslated:${severity}`,
    ]);
  });

  it("a typed target still marked UNTRANSLATED counts, and its other checks still run", () => {
    const found = codes(
      { sourceText: "CVE-2024-3400", targetText: "CVE-2024-3401", status: "UNTRANSLATED" },
      "publish",
    );
    expect(found).toEqual(["untranslated:error", "cve:error"]);
  });

  it("an unconfirmed machine pre-fill is a warning", () => {
    expect(codes({ sourceText: "Hello.", targetText: "你好。", machineFilled: true })).toEqual([
      "untranslated:warning",
    ]);
  });

  it.each(["CODE", "TABLE", "IMAGE"] as const)("a carried %s segment is never checked", (kind) => {
    expect(
      codes(
        { kind, sourceText: "curl http://10.0.0.1/x", targetText: "", status: "UNTRANSLATED" },
        "publish",
      ),
    ).toEqual([]);
  });

  it("a translated heading with nothing wrong has no findings", () => {
    expect(
      codes({
        kind: "HEADING",
        sourceText: "How LockBit ransomware works",
        targetText: "LockBit 勒索软件的工作原理",
      }),
    ).toEqual([]);
  });
});

describe("glossary", () => {
  it("asks for the approved translation", () => {
    const [f] = checkSegment(
      seg({ sourceText: "The ransomware spread.", targetText: "该勒索病毒扩散了。" }),
      { matcher, stage: "submit" },
    );
    expect(f).toMatchObject({
      code: "glossary",
      severity: "warning",
      source: "ransomware",
      target: "勒索软件",
    });
    expect(f!.message).toBe("术语“ransomware”应译为“勒索软件”。");
  });

  it.each([
    [
      "a translated do-not-translate name",
      "LockBit and Cobalt Strike",
      "洛克比特和 Cobalt Strike",
      ["do-not-translate:warning"],
    ],
    [
      "a name written in other capitals",
      "LockBit returned.",
      "Lockbit 卷土重来。",
      ["do-not-translate:warning"],
    ],
    ["an approved term spaced differently", "a web application firewall", "一台 Web应用防火墙", []],
    [
      "a term inside a URL or inline code",
      "See https://x.com/ransomware-report and `ransomware.exe`",
      "见 https://x.com/ransomware-report 和 `ransomware.exe`",
      [],
    ],
    ["a plural term", "Threat actors use ransomware.", "威胁行为者使用勒索软件。", []],
    [
      "a term repeated in the source",
      "ransomware, more ransomware",
      "勒索病毒，更多勒索病毒",
      ["glossary:warning"],
    ],
  ])("%s", (_, sourceText, targetText, expected) => {
    expect(codes({ sourceText, targetText })).toEqual(expected);
  });

  it("is skipped without a matcher", () => {
    expect(
      checkSegment(seg({ sourceText: "ransomware", targetText: "勒索病毒" }), { stage: "submit" }),
    ).toEqual([]);
  });
});

describe("brackets and quotes in the target", () => {
  it.each([
    [
      "balanced Chinese brackets and quotes",
      'The "group" (APT) said',
      "该“组织”（APT）《报告》称【更新】「注」",
      [],
    ],
    ["a missing ）", "The group (APT) said", "该组织（APT 称", ["brackets:warning"]],
    ["mixed full-width and ASCII brackets", "The group (APT) said", "该组织（APT) 称", ["brackets:warning"]],
    ["a missing closing quote", 'He said "stop"', "他说“停止", ["quotes:warning"]],
    ["a stray 》", "The report", "报告》", ["brackets:warning"]],
    ["brackets and quotes both wrong", "x", "“甲（乙", ["brackets:warning", "quotes:warning"]],
    ["an apostrophe in a kept name", "Microsoft's patch", "Microsoft’s 补丁", []],
    ["a bracket inside inline code", "Run `foo(`", "运行 `foo(`", []],
    [
      "a bracket inside a URL",
      "See https://en.wikipedia.org/wiki/Foo_(bar",
      "参见 https://en.wikipedia.org/wiki/Foo_(bar",
      [],
    ],
    ["a list label a)", "a) first", "a) 第一", []],
    ["a Chinese list label 1）", "1) first", "1）第一", []],
    ["a smiley the source has too", "fixed :)", "已修复 :)", []],
  ])("%s", (_, sourceText, targetText, expected) => {
    expect(codes({ sourceText, targetText })).toEqual(expected);
  });

  it("names the first three strays and counts the rest", () => {
    const [f] = checkSegment(seg({ sourceText: "x", targetText: "（（（（（甲" }), { stage: "submit" });
    expect(f!.message).toBe(
      "译文中的括号不成对：“（”缺少对应的“）”，“（”缺少对应的“）”，“（”缺少对应的“）”，另有 2 处。",
    );
  });

  it("names the missing partner", () => {
    const [f] = checkSegment(seg({ sourceText: "x", targetText: "该组织（APT 称" }), { stage: "submit" });
    expect(f!.message).toBe("译文中的括号不成对：“（”缺少对应的“）”。");
  });
});

describe("checkTranslation and its helpers", () => {
  const segments = [
    seg({ id: "c", position: 2, sourceText: "ransomware", targetText: "勒索病毒（" }),
    seg({ id: "a", position: 0, sourceText: "CVE-2024-3400", targetText: "", status: "UNTRANSLATED" }),
    seg({
      id: "b",
      position: 1,
      sourceText: "ransomware CVE-2024-3400",
      targetText: "勒索病毒 CVE-2024-3040",
    }),
  ];

  it("orders by segment position, errors first within a segment, each finding linked to its segment", () => {
    const found = checkTranslation(segments, { matcher, stage: "publish" });
    expect(found.map((f) => `${f.segmentId}:${f.code}:${f.severity}`)).toEqual([
      "a:untranslated:error",
      "b:cve:error",
      "b:glossary:warning",
      "c:glossary:warning",
      "c:brackets:warning",
    ]);
  });

  it("summarizes, blocks publishing on errors and lists warnings", () => {
    const found = checkTranslation(segments, { matcher, stage: "submit" });
    expect(summarize(found)).toEqual({
      errors: 1,
      warnings: 4,
      segments: 3,
      byCode: { untranslated: 1, cve: 1, glossary: 2, brackets: 1 },
    });
    expect(qaBlocksPublish(found)).toBe(true);
    expect(qaWarnings(found)).toHaveLength(4);
    const clean = checkTranslation([segments[0]!], { matcher, stage: "submit" }).filter(
      (f) => f.code === "untranslated",
    );
    expect(qaBlocksPublish(clean)).toBe(false);
  });
});
