import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { sleep } from "./view-log-counter.mjs";

describe("the view counter's rest between batches", () => {
  it("leaves no abort listener behind, however many batches it rested after", async () => {
    const stop = new AbortController();
    for (let i = 0; i < 20; i++) await sleep(1, stop.signal);
    expect(getEventListeners(stop.signal, "abort")).toHaveLength(0);
  });

  it("ends at once when the counter is stopped", async () => {
    const stop = new AbortController();
    const started = Date.now();
    const rest = sleep(60_000, stop.signal);
    stop.abort();
    await rest;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(getEventListeners(stop.signal, "abort")).toHaveLength(0);
  });
});
