import { randomBytes, timingSafeEqual } from "node:crypto";
import { logger } from "@/lib/logger";

/**
 * Cache invalidation from outside a request (the 定时发布 timer, other background jobs).
 *
 * Next.js' `revalidateTag`/`updateTag` need the work store of a request: called from a timer
 * they throw "static generation store missing" and nothing is invalidated. So a job asks its
 * own server, over loopback, to do it inside a request: a POST to INTERNAL_REVALIDATE_PATH
 * (app/api/internal/revalidate/route.ts) carrying a per-process random secret that only ever
 * lives in this process' memory. The secret and the server's address sit on globalThis because
 * instrumentation (where the jobs start) and the route handlers are separate bundles of the
 * same process; server/http-server.mjs publishes the address once it listens.
 */

export const INTERNAL_REVALIDATE_PATH = "/api/internal/revalidate";
export const INTERNAL_SECRET_HEADER = "x-byline-internal-secret";
const TIMEOUT_MS = 5_000;

type ServerAddress = { address: string; port: number; family?: string };
const g = globalThis as unknown as {
  __bylineInternalSecret?: string;
  __bylineServerAddress?: ServerAddress | string | null;
};

/** This process' secret, made on first use; never read from the environment or the network. */
function internalSecret(): string {
  return (g.__bylineInternalSecret ??= randomBytes(32).toString("base64url"));
}

/** Whether a request carries this process' secret (constant-time). */
export function isInternalRequest(headers: Headers): boolean {
  const got = Buffer.from(headers.get(INTERNAL_SECRET_HEADER) ?? "");
  const want = Buffer.from(internalSecret());
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * Where this process' own HTTP server listens, as a loopback URL: the address the server
 * published (a wildcard address becomes 127.0.0.1 / ::1), else PORT on 127.0.0.1. Null when no
 * server runs here (tests, scripts): then there is no page cache to invalidate either.
 */
export function loopbackBase(
  published: ServerAddress | string | null | undefined = g.__bylineServerAddress,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (published && typeof published === "object") {
    const { address, port } = published;
    if (address === "0.0.0.0" || address === "") return `http://127.0.0.1:${port}`;
    if (address === "::") return `http://[::1]:${port}`;
    return address.includes(":") ? `http://[${address}]:${port}` : `http://${address}:${port}`;
  }
  const port = Number(env.PORT);
  return Number.isInteger(port) && port > 0 ? `http://127.0.0.1:${port}` : null;
}

/**
 * Expires the tagged public cache entries from a background job: the next visitor of a page
 * using one of them gets a fresh render. Resolves false (logged) when it could not: the public
 * cache lifetimes (lib/services/public/cache-profile.ts) still bound how late the change shows.
 */
export async function invalidateFromBackground(tags: string[], base = loopbackBase()): Promise<boolean> {
  const list = [...new Set(tags)];
  if (!list.length) return true;
  if (!base) {
    logger.debug({ tags: list }, "cache: no HTTP server in this process, nothing to invalidate");
    return false;
  }
  try {
    const res = await fetch(`${base}${INTERNAL_REVALIDATE_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_SECRET_HEADER]: internalSecret() },
      body: JSON.stringify({ tags: list }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
    if (res.ok) return true;
    logger.warn({ status: res.status, tags: list }, "cache: background invalidation was refused");
  } catch (e) {
    logger.warn({ err: e, tags: list }, "cache: background invalidation failed");
  }
  return false;
}
