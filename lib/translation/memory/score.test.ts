import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzyScore } from "./score";

const query = "Attackers exploited CVE-2024-3400 in Palo Alto Networks firewalls to deploy a backdoor.";
const changedWords = (stored: string) =>
  fuzzyScore(query, stored)
    .diff.filter((p) => p.changed)
    .map((p) => p.text);

describe("fuzzyScore", () => {
  it("scores the same words, whatever the case and spacing, 99: only the caller's exact match is 100", () => {
    const r = fuzzyScore(
      query,
      "attackers  exploited CVE-2024-3400 in PALO ALTO Networks firewalls to deploy a backdoor.",
    );
    expect(r.score).toBe(99);
    expect(r.diff.every((p) => !p.changed)).toBe(true);
  });

  it("counts a CVE ID, a version or a domain as one word", () => {
    // 13 units; one replaced
    const r = fuzzyScore(query, query.replace("CVE-2024-3400", "CVE-2024-3401"));
    expect(r.score).toBe(Math.round(100 * (1 - 1 / 13)));
    expect(changedWords(query.replace("CVE-2024-3400", "CVE-2024-3401"))).toEqual(["CVE-2024-3401"]);
    expect(fuzzyScore("Update to 1.2.3-rc1 now.", "Update to 1.2.4-rc1 now.").score).toBe(80);
    expect(fuzzyScore("It contacted evil.example.com.", "It contacted good.example.com.").score).toBe(75);
  });

  it("counts a replaced word once, and an insertion by its length", () => {
    expect(fuzzyScore("the gang encrypted the servers", "the group encrypted the servers").score).toBe(80);
    // three words added to five: distance 3 over 8
    expect(
      fuzzyScore("the gang encrypted the servers", "the gang quickly and silently encrypted the servers")
        .score,
    ).toBe(63);
    // a stretch of two replaced by three counts three
    expect(fuzzyScore("a b c d e f g h i j", "a b x y z e f g h i j").score).toBe(73);
  });

  it("marks where the stored source differs, and only words of the stored source", () => {
    const stored = "Hackers exploited CVE-2024-3400 in Fortinet firewalls to deploy ransomware.";
    expect(changedWords(stored)).toEqual(["Hackers", "Fortinet", "ransomware"]);
    expect(fuzzyScore(query, stored).score).toBe(54);
  });

  it("marks an added tail as one stretch, spaces inside it included, not the space before it", () => {
    const stored = query.replace(/\.$/, ", researchers said on Tuesday.");
    expect(fuzzyScore(query, stored).diff).toEqual([
      { text: query.slice(0, -1), changed: false },
      { text: ", researchers said on Tuesday", changed: true },
      { text: ".", changed: false },
    ]);
  });

  it("scores unrelated sentences low and an empty query 0", () => {
    expect(fuzzyScore(query, "The company said it had no evidence of data theft.").score).toBeLessThan(20);
    expect(fuzzyScore("", "anything").score).toBe(0);
    expect(fuzzyScore("", "").diff).toEqual([]);
  });

  it("keeps full-width and ligature forms comparable", () => {
    expect(fuzzyScore("ＣＶＥ-2024-1 ﬁxed", "CVE-2024-1 fixed").score).toBe(99);
  });

  it("always gives back the stored text when its parts are joined, and a score in 0..99", () => {
    const words = fc.constantFrom(
      "the",
      "Gang",
      "CVE-2024-1",
      "1.2.3",
      "(",
      ")",
      ",",
      ".",
      "攻击",
      "evil.com",
      "don't",
    );
    const text = fc
      .array(fc.tuple(words, fc.constantFrom(" ", "  ", "\n", "", "\t")), { maxLength: 30 })
      .map((a) => a.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(text, text, (q, s) => {
        const r = fuzzyScore(q, s);
        expect(r.diff.map((p) => p.text).join("")).toBe(s);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(99);
        // neighbouring parts always alternate
        r.diff.forEach((p, i) => i > 0 && expect(p.changed).not.toBe(r.diff[i - 1]!.changed));
      }),
      { numRuns: 500, seed: 10 },
    );
  });
});
