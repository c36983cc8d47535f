import { describe, expect, it } from "vitest";
import { normalizeSource, pairHash } from "./normalize";

describe("normalizeSource", () => {
  it("lower-cases, collapses whitespace and trims", () => {
    expect(normalizeSource("  The  LockBit\tgang\n\nstruck   again. ")).toBe(
      "the lockbit gang struck again.",
    );
  });

  it("folds compatibility forms (full-width, no-break and ideographic spaces, ligatures)", () => {
    expect(normalizeSource("ＣＶＥ－２０２４－１２３４\u00a0patched\u3000ﬁnally")).toBe(
      "cve-2024-1234 patched finally",
    );
  });

  it("leaves an already normal string as it is", () => {
    const s = "attackers exploited cve-2024-3400 in pan-os.";
    expect(normalizeSource(s)).toBe(s);
    expect(normalizeSource(normalizeSource("  Ａ  b "))).toBe(normalizeSource("  Ａ  b "));
  });

  it("keeps an empty or blank string empty", () => {
    expect(normalizeSource(" \n\t ")).toBe("");
  });
});

describe("pairHash", () => {
  it("is 64 hex characters and stable", () => {
    const h = pairHash("ransomware", "勒索软件");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(pairHash("ransomware", "勒索软件")).toBe(h);
  });

  it("differs when either side differs, and does not confuse where one ends", () => {
    const h = pairHash("ransomware", "勒索软件");
    expect(pairHash("ransomware", "勒索程序")).not.toBe(h);
    expect(pairHash("ransomware ", "勒索软件")).not.toBe(h);
    expect(pairHash("ab", "c")).not.toBe(pairHash("a", "bc"));
  });
});
