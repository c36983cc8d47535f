import { afterEach, describe, expect, it, vi } from "vitest";
import type { ViewCounts } from "./flush-view-counts";
import { createViewBuffer } from "./view-buffer";

const day = Date.UTC(2026, 10, 28, 4); // 12:00 in Beijing
const entries = (c: ViewCounts) => Object.fromEntries([...c].map(([k, n]) => [k.replace("\u0000", "@"), n]));

describe("createViewBuffer", () => {
  it("sums views per article and Beijing day into one batch", async () => {
    const batches: ViewCounts[] = [];
    const b = createViewBuffer({ write: async (c) => void batches.push(c) });
    b.add("a", day);
    b.add("a", day);
    b.add("b", day);
    b.add("a", Date.UTC(2026, 10, 28, 17)); // 01:00 next day in Beijing
    expect(b.pending()).toBe(4);
    await b.flush();
    expect(batches.map(entries)).toEqual([{ "a@2026-11-28": 2, "b@2026-11-28": 1, "a@2026-11-29": 1 }]);
    expect(b.pending()).toBe(0);
    await b.flush();
    expect(batches).toHaveLength(1);
  });

  it("keeps a failed batch and writes it with the next one", async () => {
    const write = vi.fn().mockRejectedValueOnce(new Error("db down")).mockResolvedValue(undefined);
    const onError = vi.fn();
    const b = createViewBuffer({ write, onError });
    b.add("a", day);
    await b.flush();
    expect(onError).toHaveBeenCalledOnce();
    b.add("a", day);
    await b.flush();
    expect(entries(write.mock.calls[1]![0])).toEqual({ "a@2026-11-28": 2 });
  });

  it("never runs two writes at once and loses nothing added during a write", async () => {
    let running = 0;
    let maxRunning = 0;
    let total = 0;
    const write = async (c: ViewCounts) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 5));
      for (const n of c.values()) total += n;
      running--;
    };
    const b = createViewBuffer({ write });
    for (let i = 0; i < 50; i++) b.add(`a${i % 7}`, day);
    const first = b.flush();
    b.add("late", day);
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
      void b.add("a", day).then(() => (written = true));
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
      const batches: ViewCounts[] = [];
      const write = (c: ViewCounts) => (batches.push(c), new Promise<void>((r) => finishers.push(r)));
      const b = createViewBuffer({ write, batchDelayMs: 20 });
      const first = b.add("a", day);
      await vi.advanceTimersByTimeAsync(20);
      const during = [b.add("a", day), b.add("b", day), b.add("a", day)];
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
      void b.add("a", day).then(() => (written = true));
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
