import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSlots } from "./transaction-slots";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("createSlots", () => {
  it("runs at most `size` at once and hands a freed slot to the next caller in order", async () => {
    const slots = createSlots(2, 1_000);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) => slots.run(async () => (started.push(i), g.promise)));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
    expect(slots.stats()).toEqual({ busy: 2, waiting: 1 });
    gates[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(slots.stats()).toEqual({ busy: 0, waiting: 0 });
  });

  it("refuses a caller that waited maxWaitMs with a 503 AppError, and frees its place", async () => {
    const slots = createSlots(1, 1_000);
    const gate = deferred();
    const first = slots.run(() => gate.promise);
    const second = slots.run(async () => "never");
    const refused = expect(second).rejects.toMatchObject({
      code: "UNAVAILABLE",
      status: 503,
      retryAfterSeconds: 5,
    });
    await vi.advanceTimersByTimeAsync(1_000);
    await refused;
    expect(slots.stats()).toEqual({ busy: 1, waiting: 0 });
    gate.resolve();
    await first;
    expect(await slots.run(async () => "next")).toBe("next");
  });

  it("releases the slot when the work throws", async () => {
    const slots = createSlots(1, 1_000);
    await expect(slots.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(slots.stats()).toEqual({ busy: 0, waiting: 0 });
  });
});
