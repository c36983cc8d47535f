import { randomUUID } from "node:crypto";
import pg from "pg";
import { tags as cacheTags } from "@/lib/cache-tags";
import {
  INVALIDATION_CHANNEL,
  invalidationPayloads,
  tagsFromPayload,
} from "@/lib/cache/invalidation-message";
import { logger } from "@/lib/logger";
import { onShutdown } from "@/lib/shutdown";
import { reportDatabaseUnavailable } from "@/lib/db/availability";

/**
 * Cache invalidation across app instances (issue 15). Every instance keeps its own memory caches
 * (Next.js' 'use cache' entries and page LRU, the in-process page cache), so a publish on one
 * must expire them on all. Each invalidation is announced with PostgreSQL NOTIFY on one channel,
 * the database every instance already shares (no new engine to run); each instance LISTENs on
 * its own connection and expires the tags another instance announced, through the same loopback
 * path its background jobs use (lib/jobs/background-invalidation.ts). NOTIFY is delivered only
 * to sessions listening at the time: after a lost connection the instance expires the site-wide
 * tags once it is back, so a change missed meanwhile is not served for the pages' lifetime.
 */

/** what expires (nearly) every public page: lists, the site chrome, footer pages, CVE index */
export const GAP_TAGS = [
  cacheTags.articles(),
  cacheTags.categories(),
  cacheTags.settings(),
  cacheTags.pages(),
  cacheTags.cves(),
  cacheTags.latestComments(),
];
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

// one bus per process, shared by Next.js' bundles (instrumentation and the route handlers)
const g = globalThis as unknown as { __bylineInvalidationBus?: InvalidationBus };

/**
 * Tells the other instances to expire these tags. A no-op in a process without the bus (tests,
 * scripts); never throws: a lost announcement is logged, and the pages' lifetimes still bound it.
 */
export function announceInvalidation(tags: string[]): void {
  const bus = g.__bylineInvalidationBus;
  if (!bus || !tags.length) return;
  bus
    .announce(tags)
    .catch((err: unknown) =>
      logger.warn({ err, tags }, "cache: could not announce an invalidation to other instances"),
    );
}

type BusOptions = {
  connectionString: string;
  /** expire tags announced by another instance */
  expire: (tags: string[]) => Promise<unknown>;
  /** tests: a fixed origin */
  origin?: string;
};

export type InvalidationBus = {
  origin: string;
  /** resolves once the LISTEN connection is up (or has failed once and is retrying) */
  ready: Promise<void>;
  /** NOTIFY the other instances of these tags */
  announce: (tags: string[]) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * One instance's bus: a LISTEN connection that reconnects with backoff (and expires the
 * site-wide tags after any gap), and a one-connection pool to send NOTIFY.
 */
export function createInvalidationBus({
  connectionString,
  expire,
  origin = randomUUID(),
}: BusOptions): InvalidationBus {
  const sender = new pg.Pool({ connectionString, max: 1, application_name: "byline-cache-bus" });
  sender.on("error", (err) => logger.warn({ err }, "cache bus: idle sender connection lost"));
  let stopped = false;
  let client: pg.Client | null = null;
  let retryMs = RETRY_MIN_MS;
  let everConnected = false;
  const expireLogged = (tags: string[]) =>
    void expire(tags).catch((err: unknown) => logger.warn({ err }, "cache bus: expiring failed"));

  const connect = async (): Promise<void> => {
    if (stopped) return;
    // TCP keep-alive: a connection dropped silently by a NAT or balancer errors out instead of going deaf
    const c = new pg.Client({ connectionString, application_name: "byline-cache-bus", keepAlive: true });
    c.on("notification", (n) => {
      if (n.channel !== INVALIDATION_CHANNEL) return;
      const tags = tagsFromPayload(origin, n.payload);
      if (tags) expireLogged(tags);
    });
    const retry = () => {
      if (stopped || client !== c) return;
      client = null;
      void c.end().catch(() => {});
      const wait = retryMs;
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      setTimeout(() => void connect(), wait).unref();
    };
    c.on("error", (err) => {
      logger.warn({ err }, "cache bus: listen connection lost; reconnecting");
      // often the first sign of a PostgreSQL restart: the server's gate probes before any request fails
      reportDatabaseUnavailable();
      retry();
    });
    c.on("end", retry);
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      retryMs = RETRY_MIN_MS;
      // announcements sent while we were not listening are lost: expire what every page shows
      if (everConnected) expireLogged(GAP_TAGS);
      everConnected = true;
    } catch (err) {
      logger.warn({ err }, "cache bus: could not listen; retrying");
      retry();
    }
  };

  return {
    origin,
    ready: connect(),
    announce: async (tags) => {
      for (const p of invalidationPayloads(origin, tags))
        await sender.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, p]);
    },
    stop: async () => {
      stopped = true;
      const c = client;
      client = null;
      await Promise.allSettled([c?.end(), sender.end()]);
    },
  };
}

/**
 * Starts this process' bus (from instrumentation.ts): tags other instances announce are expired
 * over loopback, like a background job's. Idempotent per process; stopped on shutdown.
 */
export async function startInvalidationBus(connectionString = process.env.DATABASE_URL): Promise<void> {
  if (g.__bylineInvalidationBus || !connectionString) return;
  const bus = createInvalidationBus({
    connectionString,
    expire: async (tags) =>
      (await import("@/lib/jobs/background-invalidation")).invalidateFromBackground(tags),
  });
  g.__bylineInvalidationBus = bus;
  onShutdown(async () => {
    g.__bylineInvalidationBus = undefined;
    await bus.stop();
  });
  await bus.ready;
}
