import "server-only";
import fs from "node:fs/promises";
import { connection } from "next/server";
import { pingDatabase } from "@/lib/db/health-pool";
import { logger } from "@/lib/logger";
import { mediaStorage, stagingPath } from "@/lib/media/storage";

type Check = { ok: boolean; latencyMs: number; message: string };
export type Readiness = {
  ok: boolean;
  checks: { database: Check; storage: Check; redis: Check & { configured: boolean } };
};

const PROBE_TIMEOUT_MS = 2_000;

async function timed(what: string, probe: () => Promise<unknown>, okMessage: string, failMessage: string) {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${PROBE_TIMEOUT_MS} ms`)),
          PROBE_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - t0), message: okMessage };
  } catch (e) {
    logger.error({ err: e }, `readiness: ${what} failed`);
    return { ok: false, latencyMs: Math.round(performance.now() - t0), message: failMessage };
  } finally {
    clearTimeout(timer);
  }
}

/** The media store takes a file: a staging write (the disk the driver renames from) and a lookup. */
async function probeStorage() {
  const file = await stagingPath();
  try {
    await fs.writeFile(file, "ready", { flag: "wx" });
  } finally {
    await fs.rm(file, { force: true });
  }
  // a key no upload has (all zeros): the driver answers null, or fails when its store is unreachable
  await mediaStorage().head(`00/${"0".repeat(64)}.webp`);
}

/**
 * Redis answers PING on a connection of its own, closed at once: readiness is asked every few
 * seconds, and a long-lived client would report its own reconnect state rather than Redis'.
 */
async function pingRedis(url: string) {
  const { createClient } = await import("@redis/client");
  const client = createClient({
    url,
    // socketTimeout: a Redis that accepts and then hangs must not keep this socket after timed() gave up
    socket: { connectTimeout: PROBE_TIMEOUT_MS, socketTimeout: PROBE_TIMEOUT_MS, reconnectStrategy: false },
  });
  // a refused or dropped connection rejects connect() or ping(); the event would be unhandled
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
  } finally {
    // after a failed connect the client is closed already, and destroy() would throw over the real error
    if (client.isOpen) client.destroy();
  }
}

/**
 * Whether this instance can serve traffic: PostgreSQL answers and the media store accepts a write.
 * Redis, when configured (REDIS_URL), is checked and reported, but does not decide: it holds a
 * cache, which falls back to PostgreSQL (docs/shared-cache.md), and one Redis shared by every
 * instance would otherwise take the whole site out of its balancer. Liveness is /api/health; a balancer takes an instance out on a 503.
 */
export async function checkReadiness(): Promise<Readiness> {
  await connection();
  const redisUrl = process.env.REDIS_URL;
  const [database, storage, redisCheck] = await Promise.all([
    timed("database", pingDatabase, "数据库连接正常", "无法连接数据库"),
    timed("storage", probeStorage, "媒体存储可写", "媒体存储不可写（磁盘已满或没有权限）"),
    redisUrl ? timed("redis", () => pingRedis(redisUrl), "Redis 连接正常", "无法连接 Redis") : null,
  ]);
  const redis = redisCheck
    ? { configured: true, ...redisCheck }
    : { configured: false, ok: true, latencyMs: 0, message: "未配置 Redis（REDIS_URL 未设置）" };
  return { ok: database.ok && storage.ok, checks: { database, storage, redis } };
}
