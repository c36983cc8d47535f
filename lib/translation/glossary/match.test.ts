import { describe, expect, it } from "vitest";
import type { GlossaryEntry } from "@/lib/translation/types";
import { createTermMatcher } from "./match";

let nextId = 1;
const term = (source: string, target: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  id: nextId++,
  source,
  target,
  variants: [],
  doNotTranslate: false,
  note: "",
  ...extra,
});

const entries = [
  term("ransomware", "勒索软件"),
  term("threat actor", "威胁行为者"),
  term("remote code execution", "远程代码执行", { variants: ["RCE"] }),
  term("code execution", "代码执行"),
  term("zero-day", "零日漏洞", { variants: ["0-day", "zero-day vulnerability"] }),
  term("vulnerability", "漏洞"),
  term("patch", "补丁"),
  term("proxy", "代理"),
  term("APT", "高级持续性威胁"),
  term("CVE", "通用漏洞披露"),
  term("remote access trojan", "远程访问木马", { variants: ["RAT"] }),
  term("Cobalt Strike", "", { doNotTranslate: true }),
  term("LockBit", "", { doNotTranslate: true }),
];
const matcher = createTermMatcher(entries);
const found = (text: string) => matcher.find(text).map((h) => `${h.entry.source}=${h.matched}`);

describe("createTermMatcher", () => {
  it.each([
    ["case-insensitively", "RANSOMWARE and Ransomware", ["ransomware=RANSOMWARE", "ransomware=Ransomware"]],
    ["multi-word terms across a line break", "a threat\nactor", ["threat actor=threat\nactor"]],
    [
      "hyphen and space as the same separator",
      "a zero day and a zero-day",
      ["zero-day=zero day", "zero-day=zero-day"],
    ],
    [
      "plurals with s, es and ies",
      "threat actors, patches, proxies, vulnerabilities",
      ["threat actor=threat actors", "patch=patches", "proxy=proxies", "vulnerability=vulnerabilities"],
    ],
    ["the longest term on overlap", "remote code execution", ["remote code execution=remote code execution"]],
    ["the longest variant on overlap", "a zero-day vulnerability", ["zero-day=zero-day vulnerability"]],
    ["variants", "an 0-day RCE", ["zero-day=0-day", "remote code execution=RCE"]],
    ["an acronym and its plural in capitals", "APT groups, two APTs", ["APT=APT", "APT=APTs"]],
    [
      "names next to Chinese and punctuation",
      "LockBit勒索软件与“Cobalt Strike”",
      ["LockBit=LockBit", "Cobalt Strike=Cobalt Strike"],
    ],
    ["possessives", "LockBit's leak site", ["LockBit=LockBit"]],
    ["the plural CVEs as CVE", "three CVEs", ["CVE=CVEs"]],
    [
      "an acronym variant in capitals",
      "a RAT, two RATs",
      ["remote access trojan=RAT", "remote access trojan=RATs"],
    ],
  ])("finds terms %s", (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ["inside a longer word", "ransomwarex patchwork CVEfix threat actorly"],
    ["an acronym written as an ordinary word", "an apt description"],
    ["an acronym variant written as an ordinary word", "a rat in the server room"],
    ["a multi-word term split by punctuation", "threat. Actor"],
    ["a term only half present", "remote access"],
  ])("does not match %s", (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it("reports offsets into the text it was given", () => {
    const text = "新的 Zero-Days 出现";
    const [hit] = matcher.find(text);
    expect(text.slice(hit!.start, hit!.end)).toBe("Zero-Days");
    expect(hit!.entry.target).toBe("零日漏洞");
  });

  it("lets the first entry keep a form two entries claim", () => {
    const m = createTermMatcher([term("exploit", "漏洞利用"), term("Exploit", "利用程序")]);
    expect(m.find("an exploit")[0]!.entry.target).toBe("漏洞利用");
  });

  it("matches 1,000 terms against a 300-word segment (figure printed, not asserted)", () => {
    const many = Array.from({ length: 1000 }, (_, i) => term(`term${i} word${i % 37}`, `术语${i}`));
    const big = createTermMatcher([...entries, ...many]);
    const words = "the threat actor used a zero-day in term12 word12 and ransomware against patches".split(
      " ",
    );
    const text = Array.from({ length: 300 }, (_, i) => words[i % words.length]).join(" ");
    for (let i = 0; i < 200; i++) big.find(text); // warm the JIT: the figure is the steady state
    const runs = 1000;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) big.find(text);
    console.log(
      `term matcher: ${((performance.now() - t0) / runs).toFixed(3)} ms per 300-word segment, 1,012 terms`,
    );
    expect(big.find(text).filter((h) => h.entry.source === "term12 word12").length).toBeGreaterThan(0);
  });
});
