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
    const d = createViewDedupe({ maxEntries: 3 });
    for (const v of ["a", "b", "c", "d"]) d.shouldCount(v, "x", 0);
    expect(d.size()).toBe(3);
    expect(d.shouldCount("a", "x", 1)).toBe(true); // evicted, so counted again
    expect(d.shouldCount("d", "x", 1)).toBe(false);
  });
});
