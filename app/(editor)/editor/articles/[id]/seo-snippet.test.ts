import { describe, expect, test } from "vitest";
import { clip, seoSnippet } from "./seo-snippet";

describe("seo snippet", () => {
  test("a Chinese title is cut at 30 characters, a Latin one at 60", () => {
    const zh = "某".repeat(31);
    expect(clip(zh, 60)).toBe("某".repeat(30) + "…");
    expect(clip("某".repeat(30), 60)).toBe("某".repeat(30));
    expect(clip("a".repeat(61), 60)).toBe("a".repeat(60) + "…");
    expect(clip("VPN 漏洞", 60)).toBe("VPN 漏洞");
  });

  test("whitespace collapses, and a cut never ends in a space", () => {
    expect(clip("  one \n two  ", 60)).toBe("one two");
    expect(clip("abcd efgh", 5)).toBe("abcd…");
  });

  test("the SEO fields win; else the title and the lede, marked as fallbacks", () => {
    const base = { title: "标题", lede: "导语", seoTitle: "", seoDescription: " " };
    expect(seoSnippet(base)).toEqual({
      title: "标题",
      description: "导语",
      isTitleFallback: true,
      isDescriptionFallback: true,
    });
    expect(seoSnippet({ ...base, seoTitle: "SEO 标题", seoDescription: "描".repeat(81) })).toEqual({
      title: "SEO 标题",
      description: "描".repeat(80) + "…",
      isTitleFallback: false,
      isDescriptionFallback: false,
    });
  });
});
