import { createClient } from "@redis/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "@/lib/test/redis-server";
import { createSharedWindowCounts } from "./shared-window-counts.mjs";

const WINDOW = 60_000;
let redis: TestRedis;

beforeAll(async () => {
  redis = await startTestRedis();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});

/** Two instances' counters on one Redis, at a fixed time inside one window. */
function pair(prefix: string, now = () => 1_000 * WINDOW + 5_000) {
  const options = { redisUrl: redis.url, windowMs: WINDOW, prefix, exchangeMs: 0, now };
  return [createSharedWindowCounts(options), createSharedWindowCounts(options)] as const;
}

const connected = (...counters: ReturnType<typeof createSharedWindowCounts>[]) =>
  Promise.all(counters.map((c) => c.connected));

describe("the Content API count shared through Redis", () => {
  it("adds up what each instance counted, and the window's end", async () => {
    const [a, b] = pair("t1:");
    await connected(a, b);
    for (let i = 0; i < 6; i++) a.hit("203.0.113.9");
    for (let i = 0; i < 4; i++) b.hit("203.0.113.9");
    await a.exchange();
    await b.exchange();
    await a.exchange();
    // A has seen B's four since: its next request is the 11th of the window
    expect(a.hit("203.0.113.9")).toEqual({ count: 11, resetAt: 1_001 * WINDOW });
    expect(b.hit("203.0.113.9").count).toBe(11);
    // another address is counted apart
    expect(a.hit("198.51.100.7").count).toBe(1);
    await Promise.all([a.close(), b.close()]);

    const admin = createClient({ url: redis.url });
    await admin.connect();
    const key = "t1:1000:203.0.113.9";
    expect(await admin.get(key)).toBe("12");
    // the key goes with its window (twice its length, for instances whose clocks differ a little)
    const ttl = await admin.pTTL(key);
    expect(ttl).toBeGreaterThan(WINDOW);
    expect(ttl).toBeLessThanOrEqual(2 * WINDOW);
    await admin.quit();
  });

  it("starts again in the next window", async () => {
    let t = 2_000 * WINDOW + 1_000;
    const [a] = pair("t2:", () => t);
    await connected(a);
    for (let i = 0; i < 5; i++) a.hit("203.0.113.9");
    await a.exchange();
    expect(a.hit("203.0.113.9").count).toBe(6);
    t += WINDOW;
    expect(a.hit("203.0.113.9")).toEqual({ count: 1, resetAt: 2_002 * WINDOW });
    await a.close();
  });

  it("with Redis away counts its own and loses nothing; Redis back, the counts arrive", async () => {
    const [a] = pair("t3:");
    await connected(a);
    await redis.stop();
    for (let i = 0; i < 5; i++) a.hit("203.0.113.9");
    await a.exchange(); // Redis is away: the counts stay with A
    expect(a.hit("203.0.113.9").count).toBe(6);
    await redis.start();
    const admin = createClient({ url: redis.url });
    await admin.connect();
    // once A has reconnected, its next exchange sends all six
    await expect
      .poll(async () => (await a.exchange(), admin.get("t3:1000:203.0.113.9")), {
        timeout: 10_000,
        interval: 200,
      })
      .toBe("6");
    expect(a.hit("203.0.113.9").count).toBe(7);
    await admin.quit();
    await a.close();
  }, 30_000);

  it("keeps at most maxKeys addresses in memory", () => {
    const counts = createSharedWindowCounts({
      redisUrl: redis.url,
      windowMs: WINDOW,
      exchangeMs: 0,
      maxKeys: 100,
    });
    for (let i = 0; i < 1_000; i++) counts.hit(`10.0.${Math.floor(i / 256)}.${i % 256}`);
    expect(counts.size).toBeLessThanOrEqual(100);
    return counts.close();
  });
});
