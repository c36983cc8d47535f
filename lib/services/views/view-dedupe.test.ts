import { describe, expect, it } from "vitest";
import { createViewDedupe, VIEW_WINDOW_MS } from "./view-dedupe.mjs";

describe("createViewDedupe", () => {
  it("counts a reader once per article within the window", () => {
    const d = createViewDedupe();
    expect(d.shouldCount("v1", "a1", 0)).toBe(true);
    expect(d.shouldCount("v1", "a1", 1_000)).toBe(false);
    expect(d.shouldCount("v1", "a1", VIEW_WINDOW_MS - 1)).toBe(false);
  });

  it("counts again once the window has passed since the counted view", () => {
    const d = createViewDedupe();
    expect(d.shouldCount("v1", "a1", 0)).toBe(true);
    expect(d.shouldCount("v1", "a1", VIEW_WINDOW_MS)).toBe(true);
    // a repeat inside the new window does not extend it past its counted start
    expect(d.shouldCount("v1", "a1", VIEW_WINDOW_MS + 10)).toBe(false);
    expect(d.shouldCount("v1", "a1", 2 * VIEW_WINDOW_MS)).toBe(true);
  });

  it("keeps readers and articles apart", () => {
    const d = createViewDedupe();
    expect(d.shouldCount("v1", "a1", 0)).toBe(true);
    expect(d.shouldCount("v2", "a1", 0)).toBe(true);
    expect(d.shouldCount("v1", "a2", 0)).toBe(true);
    // no ambiguity between ("v1","1a") and ("v11","a")
    expect(d.shouldCount("v1", "1a", 0)).toBe(true);
    expect(d.shouldCount("v11", "a", 0)).toBe(true);
  });

  it("stays bounded, evicting the oldest entries first", () => {
    const d = createViewDedupe({ maxEntries: 4 });
    for (const v of ["a", "b", "c", "d", "e"]) d.shouldCount(v, "x", 0);
    expect(d.size()).toBeLessThanOrEqual(4);
    expect(d.shouldCount("a", "x", 1)).toBe(true); // evicted, so counted again
    // the last maxEntries / 2 are remembered
    expect(d.shouldCount("d", "x", 1)).toBe(false);
    expect(d.shouldCount("e", "x", 1)).toBe(false);
  });

  it("stays fast under a flood of new visitors (each beacon of a crawl with fresh cookies)", () => {
    const d = createViewDedupe({ maxEntries: 100_000 });
    const t0 = performance.now();
    for (let i = 0; i < 1_000_000; i++) d.shouldCount(`visitor-${i}`, "a1", i);
    const ms = performance.now() - t0;
    // about 1 µs each here; the single-map LRU took 20-200 µs each once full (minutes for this loop)
    expect(ms).toBeLessThan(10_000);
    expect(d.size()).toBeLessThanOrEqual(100_000);
    expect(d.shouldCount("visitor-999999", "a1", 1_000_000)).toBe(false);
    // the bound above is what guards the regression; vitest's default 5 s would fail a busy machine first
  }, 30_000);
});
