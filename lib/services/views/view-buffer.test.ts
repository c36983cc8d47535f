import { afterEach, describe, expect, it, vi } from "vitest";
import type { PendingViews } from "./pending-views.mjs";
import { createViewBuffer } from "./view-buffer";
import { visitorHash, writeViewsParams } from "./view-claims.mjs";
import { VIEW_WINDOW_MS } from "./view-dedupe.mjs";
import { viewDay } from "./view-day.mjs";

const day = Date.UTC(2026, 10, 28, 4); // 12:00 in Beijing
/** A batch as "<article>@<day>" → views, claims and plain counts together. */
function entries(batch: PendingViews) {
  const out: Record<string, number> = {};
  const bump = (key: string, n: number) => (out[key] = (out[key] ?? 0) + n);
  for (const [key, at] of batch.claims()) bump(`${key.split("\u0000")[1]}@${viewDay(at)}`, 1);
  for (const [key, n] of batch.counts()) bump(key.replace("\u0000", "@"), n);
  return out;
}
let visitors = 0;
/** a visitor of its own for each view */
const someone = () => `visitor-${++visitors}`;

describe("createViewBuffer", () => {
  it("sums views per article and Beijing day into one batch", async () => {
    const batches: PendingViews[] = [];
    const b = createViewBuffer({ write: async (c) => void batches.push(c) });
    b.add("a", someone(), day);
    b.add("a", someone(), day);
    b.add("b", someone(), day);
    b.add("a", someone(), Date.UTC(2026, 10, 28, 17)); // 01:00 next day in Beijing
    expect(b.pending()).toBe(4);
    await b.flush();
    expect(batches.map(entries)).toEqual([{ "a@2026-11-28": 2, "b@2026-11-28": 1, "a@2026-11-29": 1 }]);
    expect(b.pending()).toBe(0);
    await b.flush();
    expect(batches).toHaveLength(1);
  });

  it("keeps one claim per view, written under the visitor's hash, never the visitor id itself", async () => {
    const batches: PendingViews[] = [];
    const b = createViewBuffer({ write: async (c) => void batches.push(c) });
    b.add("a", "ABCDEFGHIJKLMNOPQRSTUV", day);
    b.add("b", "ABCDEFGHIJKLMNOPQRSTUV", day + 1);
    await b.flush();
    expect([...batches[0]!.claims()]).toEqual([
      ["ABCDEFGHIJKLMNOPQRSTUV\u0000a", day],
      ["ABCDEFGHIJKLMNOPQRSTUV\u0000b", day + 1],
    ]);
    const params = writeViewsParams(batches[0]!, VIEW_WINDOW_MS);
    expect(params[0]).toEqual([visitorHash("ABCDEFGHIJKLMNOPQRSTUV"), visitorHash("ABCDEFGHIJKLMNOPQRSTUV")]);
    expect(visitorHash("ABCDEFGHIJKLMNOPQRSTUV")).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(params)).not.toContain("ABCDEFGHIJKLMNOPQRSTUV");
    expect(params.slice(1)).toEqual([
      ["a", "b"],
      ["2026-11-28", "2026-11-28"],
      [new Date(day).toISOString(), new Date(day + 1).toISOString()],
      [],
      [],
      [],
      VIEW_WINDOW_MS,
    ]);
  });

  it("past maxClaims keeps views as plain counts per article and day, still written", async () => {
    const batches: PendingViews[] = [];
    const b = createViewBuffer({ write: async (c) => void batches.push(c), maxClaims: 3 });
    for (let i = 0; i < 10; i++) b.add(i % 2 ? "a" : "b", someone(), day);
    expect(b.pending()).toBe(10);
    expect(b.pendingFor("a")).toBe(5);
    await b.flush();
    expect([...batches[0]!.claims()]).toHaveLength(3);
    expect([...batches[0]!.counts()].map(([, n]) => n).reduce((x, y) => x + y)).toBe(7);
    expect(entries(batches[0]!)).toEqual({ "a@2026-11-28": 5, "b@2026-11-28": 5 });
  });

  it("writes a backlog in statements of at most 5,000 claims, and resolves its views once all are written", async () => {
    const sizes: number[] = [];
    const b = createViewBuffer({ write: async (c) => void sizes.push([...c.claims()].length) });
    const written = Array.from({ length: 12_000 }, () => b.add("a", someone(), day));
    await b.flush();
    await Promise.all(written);
    expect(sizes).toEqual([5_000, 5_000, 2_000]);
  });

  it("keeps a failed batch and writes it with the next one", async () => {
    const write = vi.fn().mockRejectedValueOnce(new Error("db down")).mockResolvedValue(undefined);
    const onError = vi.fn();
    const b = createViewBuffer({ write, onError });
    b.add("a", someone(), day);
    await b.flush();
    expect(onError).toHaveBeenCalledOnce();
    b.add("a", someone(), day);
    await b.flush();
    expect(entries(write.mock.calls[1]![0])).toEqual({ "a@2026-11-28": 2 });
  });

  it("never runs two writes at once and loses nothing added during a write", async () => {
    let running = 0;
    let maxRunning = 0;
    let total = 0;
    const write = async (c: PendingViews) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 5));
      total += c.size();
      running--;
    };
    const b = createViewBuffer({ write });
    for (let i = 0; i < 50; i++) b.add(`a${i % 7}`, someone(), day);
    const first = b.flush();
    b.add("late", someone(), day);
    await Promise.all([first, b.flush()]);
    expect(maxRunning).toBe(1);
    expect(total).toBe(51);
  });

  describe("group commit", () => {
    afterEach(() => void vi.useRealTimers());

    it("writes a view within batchDelayMs on its own, and add() resolves only once it is written", async () => {
      vi.useFakeTimers();
      let finish!: () => void;
      const write = vi.fn(() => new Promise<void>((r) => (finish = r)));
      const b = createViewBuffer({ write, batchDelayMs: 20 });
      let written = false;
      void b.add("a", someone(), day).then(() => (written = true));
      await vi.advanceTimersByTimeAsync(19);
      expect(write).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(write).toHaveBeenCalledOnce();
      expect(written).toBe(false); // the write has not finished
      finish();
      await vi.advanceTimersByTimeAsync(0);
      expect(written).toBe(true);
    });

    it("puts views that arrive during a write into the next write, all at once", async () => {
      vi.useFakeTimers();
      const finishers: (() => void)[] = [];
      const batches: PendingViews[] = [];
      const write = (c: PendingViews) => (batches.push(c), new Promise<void>((r) => finishers.push(r)));
      const b = createViewBuffer({ write, batchDelayMs: 20 });
      const first = b.add("a", someone(), day);
      await vi.advanceTimersByTimeAsync(20);
      const during = [b.add("a", someone(), day), b.add("b", someone(), day), b.add("a", someone(), day)];
      finishers[0]!();
      await first;
      await vi.advanceTimersByTimeAsync(0);
      expect(batches.map(entries)).toEqual([{ "a@2026-11-28": 1 }, { "a@2026-11-28": 2, "b@2026-11-28": 1 }]);
      finishers[1]!();
      await Promise.all(during);
    });

    it("keeps the waiters of a failed write and retries after retryDelayMs", async () => {
      vi.useFakeTimers();
      const write = vi.fn().mockRejectedValueOnce(new Error("db down")).mockResolvedValue(undefined);
      const onError = vi.fn();
      const b = createViewBuffer({ write, batchDelayMs: 20, retryDelayMs: 1_000, onError });
      let written = false;
      void b.add("a", someone(), day).then(() => (written = true));
      await vi.advanceTimersByTimeAsync(20);
      expect(onError).toHaveBeenCalledOnce();
      expect(written).toBe(false);
      expect(b.pendingFor("a")).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(write).toHaveBeenCalledTimes(2);
      expect(written).toBe(true);
      expect(b.pending()).toBe(0);
    });
  });
});
