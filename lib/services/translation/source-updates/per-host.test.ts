import { describe, expect, it } from "vitest";
import { forEachPolitely } from "./per-host";

const item = (url: string) => ({ sourceUrl: url });

function fakeTime() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    clock: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => (t += ms),
    sleeps,
  };
}

describe("forEachPolitely", () => {
  it("waits only between two requests to the same host", async () => {
    const time = fakeTime();
    const seen: string[] = [];
    await forEachPolitely(
      [item("https://a.example/1"), item("https://b.example/1"), item("https://A.example/2")],
      async (i) => void seen.push(i.sourceUrl),
      { perHostDelayMs: 3000, clock: time.clock, sleep: time.sleep },
    );
    expect(seen.sort()).toEqual(["https://A.example/2", "https://a.example/1", "https://b.example/1"]);
    expect(time.sleeps).toEqual([3000]);
  });

  it("counts the time the previous request took against the wait", async () => {
    const time = fakeTime();
    await forEachPolitely(
      [item("https://a.example/1"), item("https://a.example/2"), item("https://a.example/3")],
      async () => void time.advance(1000),
      { perHostDelayMs: 3000, clock: time.clock, sleep: time.sleep },
    );
    expect(time.sleeps).toEqual([2000, 2000]);
  });

  it("never waits when every request goes to a different host", async () => {
    const time = fakeTime();
    const urls = ["https://a.example/", "https://b.example/", "https://c.example/", "http://d.example:8080/"];
    let done = 0;
    await forEachPolitely(urls.map(item), async () => void done++, {
      perHostDelayMs: 3000,
      hostConcurrency: 2,
      clock: time.clock,
      sleep: time.sleep,
    });
    expect(done).toBe(4);
    expect(time.sleeps).toEqual([]);
  });

  it("keeps one host's requests in order and one at a time", async () => {
    const time = fakeTime();
    let inFlight = 0;
    let maxInFlight = 0;
    const order: string[] = [];
    await forEachPolitely(
      ["1", "2", "3"].map((n) => item(`https://a.example/${n}`)),
      async (i) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await Promise.resolve();
        order.push(i.sourceUrl.slice(-1));
        inFlight--;
      },
      { perHostDelayMs: 10, hostConcurrency: 8, clock: time.clock, sleep: time.sleep },
    );
    expect(order).toEqual(["1", "2", "3"]);
    expect(maxInFlight).toBe(1);
  });

  it("starts no further request once aborted", async () => {
    const time = fakeTime();
    const controller = new AbortController();
    const seen: string[] = [];
    await forEachPolitely(
      ["1", "2", "3"].map((n) => item(`https://a.example/${n}`)),
      async (i) => {
        seen.push(i.sourceUrl.slice(-1));
        controller.abort();
      },
      { perHostDelayMs: 10, clock: time.clock, sleep: time.sleep, signal: controller.signal },
    );
    expect(seen).toEqual(["1"]);
  });
});
