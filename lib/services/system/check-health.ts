import "server-only";
import { connection } from "next/server";
import { pingDatabase } from "@/lib/db/health-pool";
import { logger } from "@/lib/logger";

export type Health = { ok: boolean; database: "up" | "down"; latencyMs: number; uptimeSeconds: number };

/** Liveness plus a database round trip on the health check's own connection (lib/db/health-pool.ts). */
export async function checkHealth(): Promise<Health> {
  await connection(); // a health check must run per request, never from a prerender
  const t0 = performance.now();
  const result = (ok: boolean): Health => ({
    ok,
    database: ok ? "up" : "down",
    latencyMs: Math.round(performance.now() - t0),
    uptimeSeconds: Math.round(process.uptime()),
  });
  try {
    await pingDatabase();
    return result(true);
  } catch (e) {
    logger.error({ err: e }, "health check: database unreachable");
    return result(false);
  }
}
