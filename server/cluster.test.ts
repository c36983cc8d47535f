import { describe, expect, it } from "vitest";
import { workerCount } from "./cluster.mjs";
import { createCountTotals } from "./shared-window-counts.mjs";

describe("workerCount", () => {
  it("is one per core, at most two, unless BYLINE_WORKERS says", () => {
    expect(workerCount({}, 1)).toBe(1);
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({}, 16)).toBe(2);
    expect(workerCount({ BYLINE_WORKERS: "" }, 16)).toBe(2);
    expect(workerCount({ BYLINE_WORKERS: "1" }, 16)).toBe(1);
    expect(workerCount({ BYLINE_WORKERS: "4" }, 2)).toBe(4);
  });

  it("refuses a count that is not a whole number from 1 to 64, saying what it got", () => {
    for (const bad of ["0", "-1", "1.5", "two", "65"])
      expect(() => workerCount({ BYLINE_WORKERS: bad }, 2), bad).toThrow(`got "${bad}"`);
  });
});

describe("the primary's Content API counts (createCountTotals)", () => {
  it("adds up every worker's counts per address and window; a count of 0 only asks", () => {
    const totals = createCountTotals();
    expect(totals.add([["1.2.3.4", 7, 5]])).toEqual([5]);
    expect(
      totals.add([
        ["1.2.3.4", 7, 3],
        ["5.6.7.8", 7, 1],
      ]),
    ).toEqual([8, 1]);
    expect(totals.add([["1.2.3.4", 7, 0]])).toEqual([8]);
    // the next window starts from nothing
    expect(totals.add([["1.2.3.4", 8, 2]])).toEqual([2]);
  });

  it("forgets windows older than the last two", () => {
    const totals = createCountTotals();
    totals.add([
      ["a", 1, 1],
      ["b", 1, 1],
    ]);
    totals.add([["a", 2, 1]]);
    expect(totals.size).toBe(3);
    totals.add([["a", 3, 1]]);
    expect(totals.size).toBe(2); // window 1 gone: 2:a and 3:a kept
    // a late exchange for a forgotten window is answered, not kept
    expect(totals.add([["b", 1, 4]])).toEqual([4]);
    expect(totals.size).toBe(2);
  });
});
