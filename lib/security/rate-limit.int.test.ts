import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrisma } from "@/lib/db/client";
import { uid } from "@/lib/test/factories";
import { RateLimiter } from "./rate-limit";
import { LIMITS } from "./rate-limit-rules";

const MIN = 60_000;
// a second Prisma client with its own pool: what a second app instance would have
const otherInstanceDb = createPrisma(process.env.DATABASE_URL!);
afterAll(() => otherInstanceDb.$disconnect());

function clock(start = Date.UTC(2030, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("RateLimiter (PostgreSQL)", () => {
  it("shares one count between two instances on the same database", async () => {
    const c = clock();
    const a = new RateLimiter(db, c.now);
    const b = new RateLimiter(otherInstanceDb, c.now);
    const key = `test:${uid()}`;
    const rule = { limit: 5, windowMs: 60 * MIN };
    await a.hit(key, rule);
    await b.hit(key, rule);
    await a.hit(key, rule);
    expect((await b.peek(key)).points).toBe(3);
    // concurrent hits from both instances are all counted (one atomic upsert each)
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).hit(key, rule)));
    expect((await a.peek(key)).points).toBe(13);
  });

  it("is atomic under a burst: 50 parallel hits on a new key each get their own count", async () => {
    const l = new RateLimiter(db, clock().now);
    const key = `test:${uid()}`;
    const rule = { limit: 3, windowMs: MIN };
    const states = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? l : new RateLimiter(otherInstanceDb, l.now)).hit(key, rule),
      ),
    );
    // no two callers saw the same count, so exactly `limit` of them are within the limit
    expect(states.map((s) => s.points).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(states.filter((s) => s.points <= rule.limit)).toHaveLength(3);
  });

  it("starts a fresh window once the old one has ended", async () => {
    const c = clock();
    const l = new RateLimiter(db, c.now);
    const key = `test:${uid()}`;
    const rule = { limit: 2, windowMs: 60 * MIN };
    await l.hit(key, rule);
    const second = await l.hit(key, rule);
    expect(second).toEqual({ points: 2, resetAt: c.now() + 60 * MIN });
    c.advance(60 * MIN);
    expect((await l.peek(key)).points).toBe(0);
    expect((await l.hit(key, rule)).points).toBe(1);
  });

  it("blocks at the 5th failure for 10 minutes, a block seen by the other instance, then doubles", async () => {
    const c = clock();
    const a = new RateLimiter(db, c.now);
    const b = new RateLimiter(otherInstanceDb, c.now);
    const key = `test:${uid()}`;
    const rule = LIMITS.loginAccountIp;
    for (let i = 1; i <= 4; i++)
      expect(await (i % 2 ? a : b).fail(key, rule)).toEqual({ failures: i, blockedUntil: null });
    const fifth = await a.fail(key, rule);
    expect(fifth.blockedUntil).toBe(c.now() + 10 * MIN);
    expect(await b.blockedUntil(key)).toBe(c.now() + 10 * MIN);

    c.advance(10 * MIN);
    expect(await b.blockedUntil(key)).toBeNull();
    // one more failure after the wait blocks again, twice as long
    expect((await b.fail(key, rule)).blockedUntil).toBe(c.now() + 20 * MIN);
    c.advance(20 * MIN);
    expect((await a.fail(key, rule)).blockedUntil).toBe(c.now() + 40 * MIN);

    await a.reset(key);
    expect(await b.blockedUntil(key)).toBeNull();
    expect((await b.fail(key, rule)).failures).toBe(1);
  });

  it("forgets failures and escalation a day after the last block ends", async () => {
    const c = clock();
    const l = new RateLimiter(db, c.now);
    const key = `test:${uid()}`;
    for (let i = 0; i < 5; i++) await l.fail(key, LIMITS.loginAccountIp);
    c.advance(10 * MIN + 24 * 60 * MIN);
    expect(await l.fail(key, LIMITS.loginAccountIp)).toEqual({ failures: 1, blockedUntil: null });
  });

  it("counts distinct members, each for its own window", async () => {
    const c = clock();
    const l = new RateLimiter(db, c.now);
    const key = `test:${uid()}`;
    await l.addMember(key, "a", 60 * MIN);
    await l.addMember(key, "a", 60 * MIN);
    c.advance(30 * MIN);
    expect(await l.addMember(key, "b", 60 * MIN)).toEqual({ count: 2 });
    expect(await l.hasMember(key, "a")).toBe(true);
    c.advance(30 * MIN);
    expect(await l.hasMember(key, "a")).toBe(false);
    expect(await l.countMembers(key)).toBe(1);
  });
});
