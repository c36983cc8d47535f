import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MIN_ARM_DELAY_MS, schedulerSettings, startScheduledPublisher } from "./scheduled-publisher";
import { nudgeScheduledPublisher } from "./scheduler-nudge";

const nothing = { published: [], missed: [] };

describe("scheduled publisher timer", () => {
  let stop: (() => void) | undefined;
  beforeEach(() => void vi.useFakeTimers({ now: new Date("2025-03-01T00:00:00Z") }));
  afterEach(() => {
    stop?.();
    stop = undefined;
    vi.useRealTimers();
  });

  /** A scheduler over fake timers: `due` is what the database would answer as the next schedule. */
  function start(intervalMs: number, due: { at: Date | null }) {
    const run = vi.fn(async () => nothing);
    stop = startScheduledPublisher({
      run,
      nextDue: async () => due.at,
      env: { BYLINE_SCHEDULER_INTERVAL_MS: String(intervalMs) },
      firstRunDelayMs: 10,
    });
    return run;
  }
  const inMs = (ms: number) => new Date(Date.now() + ms);

  it("reads its interval from the environment; the missed grace follows it", () => {
    expect(schedulerSettings({})).toEqual({ intervalMs: 30_000, graceMs: 120_000 });
    expect(schedulerSettings({ BYLINE_SCHEDULER_INTERVAL_MS: "5000" })).toEqual({
      intervalMs: 5_000,
      graceMs: 70_000,
    });
    expect(schedulerSettings({ BYLINE_SCHEDULER_INTERVAL_MS: "10" }).intervalMs).toBe(30_000);
    expect(schedulerSettings({ BYLINE_SCHEDULER_INTERVAL_MS: "soon" }).intervalMs).toBe(30_000);
  });

  it("passes the grace to the run", async () => {
    const run = start(30_000, { at: null });
    await vi.advanceTimersByTimeAsync(10);
    expect(run).toHaveBeenCalledWith({ graceMs: 120_000 });
  });

  it("after a tick, wakes up at the next schedule that falls before the following tick", async () => {
    const due = { at: null as Date | null };
    const run = start(30_000, due);
    due.at = inMs(10 + 12_345); // 12.345 s after the first run
    await vi.advanceTimersByTimeAsync(10);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(12_344);
    expect(run).toHaveBeenCalledTimes(1);
    due.at = null;
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2); // on the moment, not at the 30 s tick
  });

  it("leaves a schedule beyond the next tick to that tick, which then arms it", async () => {
    const due = { at: null as Date | null };
    const run = start(30_000, due);
    due.at = inMs(10 + 45_000); // first run at 10 ms, ticks at 30 s and 60 s
    await vi.advanceTimersByTimeAsync(10);
    await vi.advanceTimersByTimeAsync(30_000 - 10); // the 30 s tick
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(15_009);
    expect(run).toHaveBeenCalledTimes(2);
    due.at = null;
    await vi.advanceTimersByTimeAsync(1); // 45.010 s
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("a nudge for a moment before the next tick wakes it then; an earlier nudge wins", async () => {
    const due = { at: null as Date | null };
    const run = start(30_000, due);
    await vi.advanceTimersByTimeAsync(10);
    expect(run).toHaveBeenCalledTimes(1);
    nudgeScheduledPublisher(inMs(20_000));
    nudgeScheduledPublisher(inMs(25_000)); // later than the armed one: ignored
    nudgeScheduledPublisher(inMs(8_000)); // earlier: re-armed
    await vi.advanceTimersByTimeAsync(7_999);
    expect(run).toHaveBeenCalledTimes(1);
    due.at = inMs(12_001); // the 20 s schedule is still waiting after this run
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    due.at = null;
    await vi.advanceTimersByTimeAsync(12_001);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it(`a schedule already past waits ${MIN_ARM_DELAY_MS} ms, never less`, async () => {
    const due = { at: null as Date | null };
    const run = start(30_000, due);
    await vi.advanceTimersByTimeAsync(10);
    nudgeScheduledPublisher(inMs(-5_000));
    await vi.advanceTimersByTimeAsync(MIN_ARM_DELAY_MS - 1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("a run asked for while one is under way happens once after it, not stacked", async () => {
    let release = () => {};
    const run = vi.fn(() => new Promise<typeof nothing>((r) => (release = () => r(nothing))));
    stop = startScheduledPublisher({
      run,
      nextDue: async () => null,
      env: { BYLINE_SCHEDULER_INTERVAL_MS: "1000" },
      firstRunDelayMs: 10,
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000); // three ticks while the first run hangs
    nudgeScheduledPublisher(new Date(Date.now() + 300));
    await vi.advanceTimersByTimeAsync(300);
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2); // the follow-up, right away
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("starts once per process; after stop nothing fires and nudges do nothing", async () => {
    const due = { at: null as Date | null };
    const run = start(1_000, due);
    expect(startScheduledPublisher({ run, nextDue: async () => null })).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10);
    nudgeScheduledPublisher(inMs(500));
    stop!();
    stop = undefined;
    nudgeScheduledPublisher(inMs(100));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
