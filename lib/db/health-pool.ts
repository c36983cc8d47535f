import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { HEALTH_DB_LIMITS } from "./limits";

const g = globalThis as unknown as { __bylineHealthPool?: pg.Pool };

/**
 * The health check's own connection, outside the app's pool: a pool taken by requests stuck
 * behind a lock must not make the load balancer think the database is down (or hang its
 * probe). One connection, short timeouts: the answer comes well inside a second either way.
 */
function pool(): pg.Pool {
  if (!g.__bylineHealthPool) {
    g.__bylineHealthPool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: HEALTH_DB_LIMITS.poolMax,
      connectionTimeoutMillis: HEALTH_DB_LIMITS.acquireTimeoutMs,
      statement_timeout: HEALTH_DB_LIMITS.statementTimeoutMs,
      query_timeout: HEALTH_DB_LIMITS.statementTimeoutMs,
      idleTimeoutMillis: 60_000,
      // never the reason a finishing process stays alive
      allowExitOnIdle: true,
    });
    // an idle connection dropped by a database restart is an event, not a crash
    g.__bylineHealthPool.on("error", () => {});
  }
  return g.__bylineHealthPool;
}

/** Resolves when PostgreSQL answers `SELECT 1`; rejects on any failure or after the timeouts. */
export async function pingDatabase(): Promise<void> {
  await pool().query("SELECT 1");
}
