import "server-only";
import { connection } from "next/server";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

export type Health = { ok: boolean; database: "up" | "down"; latencyMs: number; uptimeSeconds: number };

export async function checkHealth(): Promise<Health> {
  await connection(); // a health check must run per request, never from a prerender
  const t0 = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, database: "up", latencyMs: Math.round(performance.now() - t0), uptimeSeconds: Math.round(process.uptime()) };
  } catch (e) {
    logger.error({ err: e }, "health check: database unreachable");
    return { ok: false, database: "down", latencyMs: Math.round(performance.now() - t0), uptimeSeconds: Math.round(process.uptime()) };
  }
}
