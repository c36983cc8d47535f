import { describe, expect, it } from "vitest";
import { benchSetting } from "./bench-wrk.mjs";

describe("benchSetting", () => {
  it("takes the fallback when the variable is unset or empty", () => {
    expect(benchSetting("BENCH_X", 6, 2, {})).toBe(6);
    expect(benchSetting("BENCH_X", 6, 2, { BENCH_X: " " })).toBe(6);
  });

  it("takes a number at or above its minimum", () => {
    expect(benchSetting("BENCH_X", 6, 2, { BENCH_X: "2" })).toBe(2);
    expect(benchSetting("BENCH_X", 4, 1, { BENCH_X: "9" })).toBe(9);
    expect(benchSetting("BENCH_X", 4, 1, { BENCH_X: "2.5" })).toBe(2.5);
  });

  it("stops on what is not a number or is under the minimum, naming the variable", () => {
    for (const raw of ["abc", "NaN", "Infinity", "1"])
      expect(() => benchSetting("BENCH_PAIRS", 6, 2, { BENCH_PAIRS: raw })).toThrow(/^BENCH_PAIRS must be/);
  });
});
