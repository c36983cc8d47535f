/**
 * The shared cache's guard (server/shared-cache.mjs) on its own. With a real Redis, in production
 * servers (where the library's unhandled rejections on a lost connection are Next.js' to log):
 * server/shared-cache.fault.test.ts.
 */
import { describe, expect, it } from "vitest";
import { GAP_TAGS } from "@/lib/cache/invalidation-bus";
import { createGuard, databaseOf, SITE_WIDE_TAGS } from "./shared-cache.mjs";

const never = () => new Promise<never>(() => {});

describe("the shared cache's guard", () => {
  it("answers the fallback past the deadline, then at once while open, and keeps invalidations for the replay", async () => {
    const lines: string[] = [];
    // a busy CI machine may run the timer late: that exemption has a test of its own
    const guard = createGuard({ log: (l) => lines.push(l), lateTimerMs: Infinity });
    expect(await guard.run("a read", 1_000, async () => "hit", "miss")).toBe("hit");

    const t0 = performance.now();
    expect(await guard.run("a read", 50, never, "miss")).toBe("miss");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(guard.open).toBe(true);
    expect(lines).toEqual([expect.stringContaining("did not answer a read within 50 ms")]);

    let called = false;
    const t1 = performance.now();
    const answer = await guard.run(
      "a read",
      1_000,
      async () => {
        called = true;
        return "hit";
      },
      "miss",
    );
    expect(answer).toBe("miss");
    expect(called).toBe(false);
    // at once, not after its deadline
    expect(performance.now() - t1).toBeLessThan(500);
    // the replay runs while the breaker is open
    expect(await guard.run("the replay", 50, async () => "sent", "not sent", { force: true })).toBe("sent");

    expect(guard.invalidatedWhileOpen(["article:1", "comments:1"])).toBe(true);
    // one slow call is no outage: only what was missed is replayed
    const tags = guard.pending();
    expect(tags.sort()).toEqual(["article:1", "comments:1"]);
    // an invalidation made while the replay was on its way is handed back, to be sent once closed
    guard.invalidatedWhileOpen(["article:2"]);
    expect(guard.settle(tags)).toEqual(["article:2"]);
    expect(guard.open).toBe(false);
    expect(guard.invalidatedWhileOpen(["article:3"])).toBe(false);
    expect(guard.pending()).toEqual([]);
  });

  it("after an outage the watcher saw, replays the site-wide tags too", () => {
    const guard = createGuard({ log: () => {} });
    guard.trip("did not answer a PING", { outage: true });
    guard.invalidatedWhileOpen(["article:1"]);
    const tags = guard.pending();
    expect(tags.sort()).toEqual(["article:1", ...SITE_WIDE_TAGS].sort());
    expect(guard.settle(tags)).toEqual([]);
    // the next trip is no outage unless the watcher says so
    guard.trip("slow");
    expect(guard.pending()).toEqual([]);
  });

  it("does not open for a deadline a busy event loop made it miss", async () => {
    const guard = createGuard({ log: () => {} });
    const answer = guard.run("a read", 20, never, "miss");
    const until = performance.now() + 200;
    while (performance.now() < until); // a render holding the event loop
    expect(await answer).toBe("miss");
    expect(guard.open).toBe(false);
  });

  it("keeps an invalidation that missed its deadline, even on a late timer, and opens", async () => {
    const guard = createGuard({ log: () => {} });
    const kept: string[] = [];
    const answer = guard.run("an invalidation", 20, never, undefined, {
      onFail: () => guard.miss(["article:9"]),
    });
    const until = performance.now() + 200;
    while (performance.now() < until);
    await answer;
    expect(guard.open).toBe(true);
    kept.push(...guard.pending());
    expect(kept).toEqual(["article:9"]);
  });

  it("a Redis error reply (out of memory) costs that call, without opening", async () => {
    const guard = createGuard({ log: () => {} });
    class ErrorReply extends Error {}
    const oom = async (): Promise<string> => {
      throw new ErrorReply("OOM command not allowed when used memory > 'maxmemory'.");
    };
    expect(await guard.run("a write", 1_000, oom, "skipped")).toBe("skipped");
    expect(guard.open).toBe(false);
  });

  it("turns an error into the fallback, logged once per outage", async () => {
    const lines: string[] = [];
    const guard = createGuard({ log: (l) => lines.push(l) });
    const fail = async (): Promise<string> => {
      throw new Error("ECONNRESET");
    };
    expect(await guard.run("a write", 1_000, fail, "skipped")).toBe("skipped");
    guard.trip("again");
    expect(lines).toEqual([expect.stringContaining("failed a write (ECONNRESET)")]);
  });

  it("past 10,000 missed tags replays the site-wide tags alone", () => {
    const guard = createGuard({ log: () => {} });
    guard.trip("test");
    guard.invalidatedWhileOpen(Array.from({ length: 10_001 }, (_, i) => `article:${i}`));
    const tags = guard.pending();
    expect(tags.sort()).toEqual([...SITE_WIDE_TAGS].sort());
    expect(guard.settle(tags)).toEqual([]);
    expect(guard.open).toBe(false);
  });

  it("replays what the cache bus expires after a gap of its own", () => {
    expect([...SITE_WIDE_TAGS].sort()).toEqual([...GAP_TAGS].sort());
  });

  it("takes the database number from the URL", () => {
    expect(databaseOf("redis://127.0.0.1:6379")).toBe(0);
    expect(databaseOf("redis://:secret@cache.internal:6380/3")).toBe(3);
  });
});
