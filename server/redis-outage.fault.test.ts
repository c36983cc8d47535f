/**
 * Issue 15, "Redis down": with REDIS_URL set (Next.js' caches in Redis, docs/shared-cache.md),
 * /api/ready names Redis while it is down, but stays 200 (the cache falls back to PostgreSQL, and
 * one shared Redis down must not take every instance out of its balancer); readers' pages and
 * writes keep working; Redis back, the check is fine again without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/test/fault-actions";
import { startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { startTestRedis, type TestRedis } from "@/lib/test/redis-server";

let srv: FaultServer;
let redis: TestRedis;

const ready = async () => {
  const res = await fetch(`${srv.base}/api/ready`);
  const body = (await res.json()) as {
    checks: { redis: { ok: boolean; configured: boolean; message: string } };
  };
  return { status: res.status, redis: body.checks.redis };
};

describe("Redis down under a running server", () => {
  beforeAll(async () => {
    redis = await startTestRedis();
    srv = await startFaultServer({ name: "redis-outage", env: { REDIS_URL: redis.url } });
  }, 120_000);
  afterAll(async () => {
    await srv?.stop();
    await redis?.stop();
  });

  it("says so in readiness without failing it, keeps pages and writes working, and recovers once Redis is back", async () => {
    expect(await ready()).toEqual({
      status: 200,
      redis: expect.objectContaining({ configured: true, ok: true, message: "Redis 连接正常" }),
    });

    await redis.stop();
    expect(await ready()).toEqual({
      status: 200,
      redis: expect.objectContaining({ ok: false, message: "无法连接 Redis" }),
    });
    expect((await fetch(`${srv.base}/`)).status).toBe(200);
    // a search no cache has seen (the database answers it) and a sign-in (a write: session, audit)
    expect(
      (await fetch(`${srv.base}/search?q=${encodeURIComponent(`Redis 停机 ${Date.now()}`)}`)).status,
    ).toBe(200);
    expect(await signIn(srv, "READER")).toContain("session-token=");

    await redis.start();
    await expect.poll(async () => (await ready()).redis.ok, { timeout: 10_000 }).toBe(true);
    expect(srv.child.exitCode).toBeNull();
  }, 120_000);
});
