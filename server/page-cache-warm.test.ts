import { describe, expect, it } from "vitest";
import { createPageWarmer } from "./page-cache-warm.mjs";

/** A fetch that records each URL and resolves when the test says so. */
function fakeFetch() {
  const calls: { url: string; headers: Record<string, string>; done: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchImpl = (url: string, init: { headers: Record<string, string> }) =>
    new Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>((resolve) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      calls.push({
        url,
        headers: init.headers,
        done: () => {
          inFlight--;
          resolve({ arrayBuffer: async () => new ArrayBuffer(0) });
        },
      });
    });
  return { calls, fetchImpl, maxInFlight: () => maxInFlight };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

async function finishAll(calls: { done: () => void }[], expected: number) {
  for (let i = 0; i < expected; i++) {
    for (let n = 0; n < 100 && calls.length <= i; n++) await tick();
    calls[i]!.done();
  }
}

describe("createPageWarmer", () => {
  it("renders the first dropped pages again over loopback, one at a time, as a signed-out reader", async () => {
    const f = fakeFetch();
    const warmer = createPageWarmer({ base: () => "http://127.0.0.1:3999", fetchImpl: f.fetchImpl });
    warmer.warm(["/posts/a", "/", "/category/x", "/tag/y", "/posts/b", "/posts/c"]);
    await finishAll(f.calls, 4);
    await tick();
    expect(f.calls.map((c) => c.url)).toEqual([
      "http://127.0.0.1:3999/posts/a",
      "http://127.0.0.1:3999/",
      "http://127.0.0.1:3999/category/x",
      "http://127.0.0.1:3999/tag/y",
    ]);
    expect(f.maxInFlight()).toBe(1);
    expect(f.calls[0]!.headers).toEqual({ "accept-encoding": "identity", "x-byline-warm": "1" });
    expect(warmer.waiting).toBe(0);
  });

  it("bounds the queue across invalidations and skips a page already waiting", async () => {
    const f = fakeFetch();
    const warmer = createPageWarmer({ base: () => "http://h", fetchImpl: f.fetchImpl, queueMax: 3 });
    warmer.warm(["/1", "/2"]);
    warmer.warm(["/2", "/3", "/4", "/5"]);
    // /1 may already be in flight; what waits never exceeds the bound
    expect(warmer.waiting).toBeLessThanOrEqual(3);
    await finishAll(f.calls, 3);
    await tick();
    expect(f.calls.map((c) => c.url)).toEqual(["http://h/1", "http://h/2", "http://h/3"]);
  });

  it("reports a failed render and goes on; without an address it fetches nothing", async () => {
    const errors: string[] = [];
    let n = 0;
    const warmer = createPageWarmer({
      base: () => "http://h",
      fetchImpl: async () => {
        if (n++ === 0) throw new Error("refused");
        return { arrayBuffer: async () => new ArrayBuffer(0) };
      },
      onError: (key) => errors.push(key),
    });
    warmer.warm(["/x", "/y"]);
    for (let i = 0; i < 50 && n < 2; i++) await tick();
    expect(errors).toEqual(["/x"]);
    expect(n).toBe(2);

    let called = false;
    const idle = createPageWarmer({
      base: () => null,
      fetchImpl: async () => {
        called = true;
        return { arrayBuffer: async () => new ArrayBuffer(0) };
      },
    });
    idle.warm(["/z"]);
    await tick();
    expect(called).toBe(false);
  });
});
