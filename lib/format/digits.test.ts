import { describe, expect, it } from "vitest";
import { groupDigits } from "./digits";

describe("groupDigits", () => {
  it("prints integers as toLocaleString('zh-CN') does", () => {
    const samples = [
      0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 123_456, 1_234_567, 1e9, -1, -1_000, -98_765_432,
    ];
    for (let digits = 1; digits <= 16; digits++) samples.push(Number("9".repeat(digits)), 10 ** (digits - 1));
    samples.push(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
    for (const n of samples) expect(groupDigits(n), String(n)).toBe(n.toLocaleString("zh-CN"));
  });

  it("leaves what is not a safe integer to Intl", () => {
    for (const n of [-0, 0.5, 1234.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY])
      expect(groupDigits(n)).toBe(n.toLocaleString("zh-CN"));
  });
});
