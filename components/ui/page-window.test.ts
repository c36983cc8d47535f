import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageWindow } from "./page-window";

describe("pageWindow", () => {
  it("shows every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps the ends and two either side of the current page", () => {
    expect(pageWindow(6, 20)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 20]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, "gap", 20]);
    expect(pageWindow(20, 20)).toEqual([1, "gap", 18, 19, 20]);
  });

  it("joins runs that touch and marks any skipped page, even one, with a gap", () => {
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(5, 10)).toEqual([1, "gap", 3, 4, 5, 6, 7, "gap", 10]);
  });

  it("clamps out-of-range input", () => {
    expect(pageWindow(99, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(-4, 0)).toEqual([1]);
  });

  it("shows what the search pager showed before it moved here (set of ends and ±2, … where numbers skip)", () => {
    // the previous hand-written search-pagination.tsx, kept as the oracle
    const before = (page: number, pageCount: number) => {
      const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
        .filter((p) => p >= 1 && p <= pageCount)
        .sort((a, b) => a - b);
      return pages.flatMap((p, i) => (i > 0 && p - pages[i - 1]! > 1 ? ["gap" as const, p] : [p]));
    };
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), (count, n) => {
        const page = (n % count) + 1;
        expect(pageWindow(page, count)).toEqual(before(page, count));
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it("is ascending, includes the ends and the current page, and never has two gaps in a row", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b) => {
        const [page, count] = a <= b ? [a, b] : [b, a];
        const slots = pageWindow(page, count);
        const numbers = slots.filter((s): s is number => s !== "gap");
        expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
        expect(numbers[0]).toBe(1);
        expect(numbers.at(-1)).toBe(count);
        expect(numbers).toContain(page);
        expect(numbers.length).toBeLessThanOrEqual(7);
        slots.forEach((s, i) => {
          if (s === "gap") {
            expect(slots[i + 1]).not.toBe("gap");
            // a gap stands only for at least one hidden page
            expect((slots[i + 1] as number) - (slots[i - 1] as number)).toBeGreaterThan(1);
          }
        });
      }),
      { numRuns: 2000, seed: 9 },
    );
  });
});
