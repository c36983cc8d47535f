import { describe, expect, it } from "vitest";
import { createPendingViews } from "./pending-views.mjs";

const day = Date.UTC(2026, 10, 28, 4); // 2026-11-28 in Beijing
const HOUR = 3_600_000;

describe("createPendingViews", () => {
  it("keeps one claim per visitor and article, the earliest view; a later one is a plain count", () => {
    const p = createPendingViews();
    p.add("v1", "a", day + HOUR);
    p.add("v1", "a", day + 20 * HOUR); // 2026-11-29 in Beijing
    p.add("v1", "a", day);
    expect([...p.claims()]).toEqual([["v1\u0000a", day]]);
    expect([...p.counts()]).toEqual([
      ["a\u00002026-11-29", 1],
      ["a\u00002026-11-28", 1],
    ]);
    expect(p.size()).toBe(3);
    expect(p.viewsOf("a")).toBe(3);
    expect(p.keys()).toBe(3);
  });

  it("holds at most maxClaims claims; more views are counted per article and day", () => {
    const p = createPendingViews(100);
    for (let i = 0; i < 10_000; i++) p.add(`v${i}`, i % 2 ? "a" : "b", day + i);
    expect([...p.claims()]).toHaveLength(100);
    expect(p.keys()).toBe(102);
    expect(p.size()).toBe(10_000);
    expect(p.viewsOf("a")).toBe(5_000);
    expect(p.has("b")).toBe(true);
    expect(p.has("c")).toBe(false);
  });

  it("merges a failed batch back without losing or double-counting a view", () => {
    const failed = createPendingViews(3);
    failed.add("v1", "a", day);
    failed.add("v2", "a", day);
    failed.add("v3", "b", day);
    failed.add("v4", "b", day); // past the bound: a plain count
    const later = createPendingViews(3);
    later.add("v1", "a", day + HOUR); // the same visitor a window later
    later.add("v5", "a", day + HOUR);
    failed.merge(later);
    expect(failed.size()).toBe(6);
    expect(failed.viewsOf("a")).toBe(4);
    expect(failed.viewsOf("b")).toBe(2);
    expect(new Map(failed.claims()).get("v1\u0000a")).toBe(day);
    expect([...failed.claims()]).toHaveLength(3);
    expect([...failed.counts()].map(([, n]) => n).reduce((x, y) => x + y)).toBe(3);
  });

  it("takes the oldest claims and every plain count out as a batch of at most `limit` claims", () => {
    const p = createPendingViews(4);
    for (let i = 0; i < 6; i++) p.add(`v${i}`, "a", day + i);
    const part = p.take(3);
    expect([...part.claims()].map(([k]) => k)).toEqual(["v0\u0000a", "v1\u0000a", "v2\u0000a"]);
    expect([...part.counts()]).toEqual([["a\u00002026-11-28", 2]]);
    expect(part.size()).toBe(5);
    expect([...p.claims()].map(([k]) => k)).toEqual(["v3\u0000a"]);
    expect([...p.counts()]).toEqual([]);
    expect(p.size()).toBe(1);
    expect(p.viewsOf("a")).toBe(1);
    expect(p.take(3).size()).toBe(1);
    expect(p.size()).toBe(0);
    expect(p.has("a")).toBe(false);
  });
});
