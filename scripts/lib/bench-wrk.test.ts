import { describe, expect, it } from "vitest";
import { benchSetting, quartiles } from "./bench-wrk.mjs";

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

describe("quartiles", () => {
  it("gives the median and quartiles of values in any order, the lower value between two", () => {
    expect(quartiles([5, 1, 4, 2, 3])).toEqual({ q1: 2, median: 3, q3: 4 });
    expect(quartiles([4, 3, 2, 1])).toEqual({ q1: 1, median: 2, q3: 3 });
    expect(quartiles([-1.5])).toEqual({ q1: -1.5, median: -1.5, q3: -1.5 });
  });

  it("leaves its input as it was", () => {
    const v = [3, 1, 2];
    quartiles(v);
    expect(v).toEqual([3, 1, 2]);
  });

  it("says NaN for no values", () => {
    expect(quartiles([])).toEqual({ q1: NaN, median: NaN, q3: NaN });
  });
});
