import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startTestRedis } from "@/lib/test/redis-server";
import { checkReadiness } from "./check-readiness";

const saved = { UPLOAD_DIR: process.env.UPLOAD_DIR, REDIS_URL: process.env.REDIS_URL };
afterEach(() => {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
});

describe("checkReadiness", () => {
  it("is ready with the database up and a writable media store, and leaves no probe file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-ready-"));
    process.env.UPLOAD_DIR = dir;
    delete process.env.REDIS_URL;
    const r = await checkReadiness();
    expect(r.ok).toBe(true);
    expect(r.checks.database).toMatchObject({ ok: true, message: "数据库连接正常" });
    expect(r.checks.storage).toMatchObject({ ok: true, message: "媒体存储可写" });
    expect(r.checks.redis).toMatchObject({ ok: true, configured: false });
    expect(fs.readdirSync(path.join(dir, ".tmp"))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("names the media store when it cannot take a file", async () => {
    // a regular file where the upload folder should be: nothing can be staged under it
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "byline-ready-")), "not-a-dir");
    fs.writeFileSync(file, "x");
    process.env.UPLOAD_DIR = file;
    const r = await checkReadiness();
    expect(r.ok).toBe(false);
    expect(r.checks.database.ok).toBe(true);
    expect(r.checks.storage).toMatchObject({ ok: false, message: "媒体存储不可写（磁盘已满或没有权限）" });
  });

  it("checks Redis when REDIS_URL is set: names it while it is down (still ready: nothing needs it yet), fine again once it is back", async () => {
    const redis = await startTestRedis();
    try {
      process.env.REDIS_URL = redis.url;
      const up = await checkReadiness();
      expect(up.ok).toBe(true);
      expect(up.checks.redis).toMatchObject({ configured: true, ok: true, message: "Redis 连接正常" });

      await redis.stop();
      const down = await checkReadiness();
      expect(down.ok).toBe(true);
      expect(down.checks.redis).toMatchObject({ configured: true, ok: false, message: "无法连接 Redis" });
      expect(down.checks.redis.latencyMs).toBeLessThan(2_500);
      // nothing else depends on Redis yet
      expect([down.checks.database.ok, down.checks.storage.ok]).toEqual([true, true]);

      await redis.start();
      expect((await checkReadiness()).checks.redis).toMatchObject({ ok: true, message: "Redis 连接正常" });
    } finally {
      await redis.stop();
    }
  });
});
