import { describe, expect, it } from "vitest";
import { containsWord, findBlockedWord, findLink } from "./match";
import { normalizeForMatch } from "./normalize";
import { describeHold, evaluateComment, type CommentFacts } from "./rules";
import type { BlockedWord } from "./settings";

const NOW = new Date("2026-12-02T12:00:00Z");
const HOUR = 3_600_000;
const trustedAuthor = { createdAt: new Date(NOW.getTime() - 48 * HOUR), approvedCount: 3, rejectedCount: 0 };

function facts(body: string, over: Partial<CommentFacts> = {}): CommentFacts {
  return {
    body,
    author: trustedAuthor,
    settings: { mode: "trusted", blockedWords: [] },
    duplicateWithinDay: false,
    now: NOW,
    ...over,
  };
}
const words = (...list: [string, BlockedWord["action"]][]) =>
  list.map(([word, action]) => ({ word, action }));
const withWords = (...list: [string, BlockedWord["action"]][]) => ({
  settings: { mode: "trusted" as const, blockedWords: words(...list) },
});

describe("normalizeForMatch", () => {
  it("folds full-width, case and invisible characters", () => {
    expect(normalizeForMatch("ＳＰＡＭ")).toBe("spam");
    expect(normalizeForMatch("s\u200Bp\u200Ca\u200Dm\u2060\uFEFF")).toBe("spam");
    expect(normalizeForMatch("sp\u00ADam")).toBe("spam");
    expect(normalizeForMatch("  a \n\t b ")).toBe("a b");
    expect(normalizeForMatch("博\u200B彩")).toBe("博彩");
  });
});

describe("blocked words", () => {
  it("match Chinese entries inside longer text", () => {
    expect(findBlockedWord("欢迎来到线上博彩平台，注册就送", ["博彩"])).toBe("博彩");
    expect(findBlockedWord("这篇分析写得很好", ["博彩"])).toBeNull();
  });

  it("match full-width and zero-width variants of the text and of the entry", () => {
    expect(findBlockedWord("买 ｖｉａｇｒａ 便宜", ["viagra"])).toBe("viagra");
    expect(findBlockedWord("买 vi\u200Bag\uFEFFra 便宜", ["viagra"])).toBe("viagra");
    expect(findBlockedWord("买 VIAGRA", ["Ｖｉａｇｒａ"])).toBe("Ｖｉａｇｒａ");
    expect(findBlockedWord("线上博\u200B彩", ["博彩"])).toBe("博彩");
    expect(findBlockedWord("线上博\u00AD彩", ["博\u200D彩"])).toBe("博\u200D彩");
  });

  it("match Latin entries as whole words only", () => {
    expect(findBlockedWord("this class is great", ["ass"])).toBeNull();
    expect(findBlockedWord("assessment done", ["ass"])).toBeNull();
    expect(findBlockedWord("passage", ["ass"])).toBeNull();
    expect(findBlockedWord("you ass!", ["ass"])).toBe("ass");
    expect(findBlockedWord("ASS", ["ass"])).toBe("ass");
    // CJK around a Latin word does not make it part of a longer word
    expect(findBlockedWord("你是个ass吧", ["ass"])).toBe("ass");
    expect(findBlockedWord("scunthorpe", ["cunt"])).toBeNull();
    expect(findBlockedWord("bad2", ["bad"])).toBeNull();
    expect(findBlockedWord("free  money now", ["free money"])).toBe("free money");
  });

  it("never match an entry that is empty once normalised", () => {
    expect(containsWord("anything", "")).toBe(false);
    expect(findBlockedWord("anything at all", ["\u200B"])).toBeNull();
  });

  it("reject before hold, hold before every other rule", () => {
    const both = withWords(["推广", "hold"], ["博彩", "reject"]);
    expect(evaluateComment(facts("推广线上博彩", both))).toEqual({
      status: "REJECTED",
      heldBy: "blocked_word",
      heldDetail: "博彩",
    });
    expect(evaluateComment(facts("推广一下 example.com", { ...both, duplicateWithinDay: true }))).toEqual({
      status: "PENDING",
      heldBy: "blocked_word",
      heldDetail: "推广",
    });
  });
});

describe("links", () => {
  it.each([
    ["看这里 http://evil.test/x", "http://evil.test/x"],
    ["看这里 HTTPS://Evil.Test", "https://evil.test"],
    ["ｈｔｔｐｓ：／／ｅｖｉｌ．ｔｅｓｔ", "https://evil.test"],
    ["上 www.example.net 领红包", "www.example.net"],
    ["上example.com领红包", "example.com"],
    ["加群 sub.example.co 了", "sub.example.co"],
    ["访问 例子.cn", "例子.cn"],
    ["访问 例子。cn", "例子。cn"],
    ["访问 ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"],
    ["访问 example｡com", "example。com"],
    ["访问 e\u200Bxample.com", "example.com"],
    ["访问 example.中国", "example.中国"],
  ])("find %j", (text, link) => {
    expect(findLink(text)).toBe(link);
  });

  it.each([
    "版本 v1.2 修复了漏洞",
    "node.js 和 next.js 都受影响",
    "e.g. 这种情况",
    "我们去了他的公司。公司很大",
    "CVE-2026-1234 的 CVSS 评分 9.8",
  ])("leave %j alone", (text) => {
    expect(findLink(text)).toBeNull();
  });

  it("treat a Chinese stop before a Latin TLD as a dodged dot (held, by design)", () => {
    expect(findLink("完全同意。com 结尾的也算")).toBe("完全同意。com");
  });

  it("hold a trusted reader's comment with a link, naming the link", () => {
    expect(evaluateComment(facts("详见 example.com/a"))).toEqual({
      status: "PENDING",
      heldBy: "link",
      heldDetail: "example.com",
    });
  });
});

describe("evaluateComment", () => {
  it("publishes a trusted reader's comment at once in trusted mode", () => {
    expect(evaluateComment(facts("写得好"))).toEqual({ status: "APPROVED", heldBy: null, heldDetail: null });
  });

  it("holds everything in premoderate mode", () => {
    expect(evaluateComment(facts("写得好", { settings: { mode: "premoderate", blockedWords: [] } }))).toEqual(
      {
        status: "PENDING",
        heldBy: "premoderation",
        heldDetail: null,
      },
    );
  });

  it("holds a duplicate before links and modes", () => {
    expect(evaluateComment(facts("写得好 example.com", { duplicateWithinDay: true })).heldBy).toBe(
      "duplicate",
    );
  });

  it("holds accounts younger than 24 hours as new, and untrusted older ones for pre-moderation", () => {
    const young = { ...trustedAuthor, createdAt: new Date(NOW.getTime() - 23 * HOUR) };
    expect(evaluateComment(facts("写得好", { author: young })).heldBy).toBe("new_account");
    expect(evaluateComment(facts("写得好", { author: { ...trustedAuthor, approvedCount: 2 } })).heldBy).toBe(
      "premoderation",
    );
    expect(evaluateComment(facts("写得好", { author: { ...trustedAuthor, rejectedCount: 1 } })).heldBy).toBe(
      "premoderation",
    );
    const exactlyADay = { ...trustedAuthor, createdAt: new Date(NOW.getTime() - 24 * HOUR) };
    expect(evaluateComment(facts("写得好", { author: exactlyADay })).status).toBe("APPROVED");
  });

  it("clips a long detail to the column's 200 characters", () => {
    const long = `http://example.com/${"a".repeat(300)}`;
    expect(evaluateComment(facts(long)).heldDetail).toHaveLength(200);
  });
});

describe("describeHold", () => {
  it("names the rule and what it saw", () => {
    expect(describeHold("blocked_word", "博彩")).toBe("含屏蔽词「博彩」");
    expect(describeHold("new_account", null)).toBe("新账号");
    expect(describeHold(null, null)).toBeNull();
  });
});
