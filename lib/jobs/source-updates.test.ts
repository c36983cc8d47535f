import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sourceCheckSettings, startSourceUpdateChecker } from "./source-updates";

const result = { checked: 0, changed: [], failed: 0 };

describe("source update job", () => {
  let stop: (() => Promise<void>) | undefined;
  beforeEach(() => void vi.useFakeTimers());
  afterEach(async () => {
    await stop?.();
    stop = undefined;
    vi.useRealTimers();
  });

  it("reads its settings from the environment", () => {
    expect(sourceCheckSettings({})).toEqual({ isEnabled: true, intervalMs: 1_800_000 });
    expect(sourceCheckSettings({ BYLINE_SOURCE_CHECK: "off" }).isEnabled).toBe(false);
    expect(sourceCheckSettings({ BYLINE_SOURCE_CHECK_INTERVAL_MS: "60000" }).intervalMs).toBe(60_000);
    expect(sourceCheckSettings({ BYLINE_SOURCE_CHECK_INTERVAL_MS: "soon" }).intervalMs).toBe(1_800_000);
  });

  it("does not start when switched off", async () => {
    const run = vi.fn(async () => result);
    stop = startSourceUpdateChecker({ run, env: { BYLINE_SOURCE_CHECK: "off" }, intervalMs: 10 });
    expect(stop).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).not.toHaveBeenCalled();
  });

  it("runs on its interval and skips a tick while a run is still going", async () => {
    let release = () => {};
    const run = vi.fn(() => new Promise<typeof result>((r) => (release = () => r(result))));
    stop = startSourceUpdateChecker({ run, env: {}, intervalMs: 100, firstRunDelayMs: 50 });
    await vi.advanceTimersByTimeAsync(50);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(350); // three ticks while the first run hangs
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);
    release(); // stop() would wait for it (up to 3 s of timers that are fake here)
  });

  it("starts once per process and stops for good, aborting the run under way", async () => {
    let signal: AbortSignal | undefined;
    const run = vi.fn(async (o: { signal: AbortSignal }) => ((signal = o.signal), result));
    stop = startSourceUpdateChecker({ run, env: {}, intervalMs: 100, firstRunDelayMs: 10 });
    expect(startSourceUpdateChecker({ run, env: {}, intervalMs: 100 })).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10);
    expect(run).toHaveBeenCalledTimes(1);
    await stop!();
    stop = undefined;
    expect(signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
