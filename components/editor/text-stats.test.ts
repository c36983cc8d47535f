import { describe, expect, test } from "vitest";
import { textStats } from "./text-stats";

describe("textStats", () => {
  test("Chinese: every character counts, punctuation is a character but not a word", () => {
    expect(textStats("研究人员披露了漏洞。")).toEqual({ characters: 10, words: 9, minutes: 1 });
  });

  test("English: words for 字数, letters for characters, whitespace never", () => {
    expect(textStats("  Patch the zero-day now,\n don't wait ")).toEqual({
      characters: 29,
      words: 6,
      minutes: 1,
    });
  });

  test("mixed text: CJK characters plus Latin words", () => {
    // 研究 人员 (4) + VPN + CVE-2026-12345 (2 words); "：" is neither
    expect(textStats("研究人员：VPN CVE-2026-12345").words).toBe(6);
  });

  test("reading time: 400 CJK characters or 200 English words a minute, at least one", () => {
    expect(textStats("").minutes).toBe(0);
    expect(textStats("字").minutes).toBe(1);
    expect(textStats("字".repeat(2000)).minutes).toBe(5);
    expect(textStats("word ".repeat(1000)).minutes).toBe(5);
    expect(textStats("字".repeat(400) + " word".repeat(200)).minutes).toBe(2);
  });

  test("an emoji or a rare Han character outside the BMP counts once", () => {
    expect(textStats("𠀀👍").characters).toBe(2);
    expect(textStats("𠀀").words).toBe(1);
  });
});
