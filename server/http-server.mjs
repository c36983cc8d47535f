// @ts-check
// The production HTTP server around Next.js; docs/request-path.md walks a request through it.
// First, a page fresh in the page cache is sent from memory (page-cache-capture.mjs createHitPath).
// Before Next.js sees any other request: the client address is stamped (client-ip.mjs), a malformed path
// is a 400, a body over its route's limit a 413, an expensive route past its concurrency a 503
// (request-guard.mjs, each refusal a zh-CN page or JSON: refusal.mjs). Then the page cache
// (page-cache.mjs): a stored public page is sent from memory without entering Next.js, and the
// view beacon is answered from memory (view-beacon.mjs, counts written in batches). Around
// Next.js: the CSP nonce rewrite (nonce-rewrite.mjs) and compression. Graceful shutdown: on SIGTERM stop
// accepting, finish every accepted request for up to 10 s (graceful-close.mjs), then run shutdown
// hooks (view-count flushes, database).
import { fork } from "node:child_process";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import pg from "pg";
import { stampClientIp } from "./client-ip.mjs";
import { CONTENT_API_RATE, createContentApiLimit } from "./content-api-limit.mjs";
import {
  createDatabaseGate,
  DATABASE_DOWN_MESSAGE,
  DATABASE_DOWN_RETRY_SECONDS,
  passesDatabaseGate,
} from "./database-gate.mjs";
import { createPageWarmer } from "./page-cache-warm.mjs";
import { gatesFromEnv } from "./concurrency-gate.mjs";
import { answerMetrics, createMetrics } from "./metrics.mjs";
import { METRICS_REQUEST, WORKER_LISTENING } from "./cluster.mjs";
import { askPrimary, primaryViewDedupe } from "./primary-requests.mjs";
import { createPeerClient } from "./page-cache-peers.mjs";
import { trackConnections } from "./graceful-close.mjs";
import { applyScriptNonce } from "./nonce-rewrite.mjs";
import { PageCache } from "./page-cache.mjs";
import { createHitPath, createPageCacheHandler } from "./page-cache-capture.mjs";
import { installPageCacheHook, NEXT_CACHE_HANDLERS, subscribePageCacheEvents } from "./page-cache-hook.mjs";
import { readRenderNonce } from "./render-placeholder.mjs";
import { refuse } from "./refusal.mjs";
import { createRequestGuard } from "./request-guard.mjs";
import { createSharedCache } from "./shared-cache.mjs";
import { createSharedWindowCounts, primaryCountStore } from "./shared-window-counts.mjs";
import { withRequestId } from "./request-id.mjs";
import { trustedInlineScripts } from "./trusted-inline-scripts.mjs";
import { createViewBeacon } from "./view-beacon.mjs";
import { createViewCounter, poolDatabase } from "./view-counter.mjs";
import { createViewLog, viewLogDir } from "./view-log.mjs";
import { answerSignedOut } from "./signed-out-answers.mjs";

/** The repository root: Next.js' project directory. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Responses whose bytes never carry a nonce: build assets and uploaded media. */
const UNCHANGED_BYTES = /^\/(_next\/static|media)\//;

/** Nonce CSP is on unless BYLINE_CSP_NONCE=0 (the escape hatch; proxy.ts reads the same switch). */
const cspNonceEnabled = () => process.env.BYLINE_CSP_NONCE !== "0";

/**
 * The in-process page cache, unless BYLINE_PAGE_CACHE=0 or in development; its size bound is
 * BYLINE_PAGE_CACHE_MB (default 64). Pages an invalidation drops are rendered again at once
 * (page-cache-warm.mjs) unless BYLINE_PAGE_CACHE_PRELOAD=0.
 * @param {boolean} dev
 * @param {() => string | null} base this server's loopback URL, once it listens
 * @param {(msg: string) => void} log
 */
function pageCacheFromEnv(dev, base, log) {
  if (dev || process.env.BYLINE_PAGE_CACHE === "0") return null;
  const mb = Number(process.env.BYLINE_PAGE_CACHE_MB || 64);
  if (!(mb > 0)) throw new Error(`BYLINE_PAGE_CACHE_MB must be a positive number of megabytes, got ${mb}`);
  const cache = new PageCache({ maxBytes: mb * 1024 * 1024, countsViews: countsPageViews() });
  const warmer =
    process.env.BYLINE_PAGE_CACHE_PRELOAD === "0"
      ? null
      : createPageWarmer({
          base,
          onError: (key, e) =>
            log(`page cache: preload of ${key} failed: ${e instanceof Error ? e.message : e}`),
        });
  /** @param {string[]} dropped pages to render again */
  const rewarm = (dropped) => cache.warming(warmer?.warm(dropped) ?? []);
  subscribePageCacheEvents({
    tagged: (path, tags) => cache.tagged(path, tags),
    invalidated: (tags) => rewarm(cache.invalidated(tags)),
    staleRender: (path, tags) => rewarm(cache.staleRender(path, tags)),
  });
  return cache;
}

/**
 * A listening server's address as a loopback URL (a wildcard address becomes 127.0.0.1 / ::1).
 * @param {string | import("node:net").AddressInfo | null} a
 */
function loopbackUrl(a) {
  if (!a || typeof a === "string") return null;
  if (a.address === "0.0.0.0" || a.address === "") return `http://127.0.0.1:${a.port}`;
  if (a.address === "::") return `http://[::1]:${a.port}`;
  return a.family === "IPv6" ? `http://[${a.address}]:${a.port}` : `http://${a.address}:${a.port}`;
}

/**
 * Whether an article page's request is its view (the view log), unless BYLINE_VIEWS=beacon: then
 * every page sends the beacon, as behind a CDN that serves pages this server and its front never see.
 */
const countsPageViews = () =>
  process.env.BYLINE_VIEWS !== "beacon" &&
  !!process.env.DATABASE_URL &&
  process.env.BYLINE_PAGE_CACHE !== "0";

/**
 * The view log this server writes, and the counter that reads the folder (view-log-counter.mjs)
 * as a child process at the lowest CPU priority, restarted a second after it stops unexpectedly;
 * BYLINE_VIEW_COUNTER=0 leaves counting to a counter run elsewhere (`node server/view-log-counter.mjs`).
 * @param {(msg: string) => void} log
 */
function viewLogFromEnv(log) {
  if (!countsPageViews()) return null;
  const dir = viewLogDir();
  const viewLog = createViewLog({ dir, log });
  const script = path.join(root, "server", "view-log-counter.mjs");
  /** @type {import("node:child_process").ChildProcess | null} */
  let child = null;
  let closing = false;
  const start = () => {
    if (closing) return;
    child = fork(script, [], { env: { ...process.env, VIEW_LOG_DIR: dir }, execArgv: [], stdio: "inherit" });
    child.on("exit", (code, signal) => {
      child = null;
      if (closing) return;
      log(`views: the view counter stopped (${signal ?? code}), restarting in 1 s`);
      setTimeout(start, 1_000).unref();
    });
  };
  if (process.env.BYLINE_VIEW_COUNTER !== "0") start();
  return {
    log: viewLog,
    /** Hands the last lines to the counter's folder and stops the counter (its batch ends). */
    close: async () => {
      closing = true;
      viewLog.close();
      const c = child;
      if (!c) return;
      const exited = new Promise((resolve) => c.once("exit", resolve));
      c.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
      if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    },
  };
}

/**
 * The view beacon answered before Next.js, unless BYLINE_VIEW_BEACON=0 (then Next.js' route
 * answers every beacon, each view written before its answer). Its own two connections.
 * @param {(msg: string) => void} log
 */
function viewBeaconFromEnv(log) {
  if (process.env.BYLINE_VIEW_BEACON === "0" || !process.env.DATABASE_URL) return null;
  // timeouts: a beacon waiting for an article lookup gives up (503) instead of queueing forever
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 2,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 5_000,
  });
  // an idle connection's error (PostgreSQL restarted) must not crash the server: the next query reconnects
  pool.on("error", (e) => log(`views: idle database connection lost: ${e.message}`));
  const counter = createViewCounter({ db: poolDatabase(pool), log });
  return {
    counter,
    answer: createViewBeacon({ counter, dedupe: viewDedupe() }),
    close: async () => {
      await counter.close();
      await pool.end();
    },
  };
}

/**
 * Which views are a reader's first in their window: this process' memory, or with several workers
 * the primary's (primary-requests.mjs), for the beacon here and for Next.js' route
 * (lib/services/views/view-recorder.ts reads it from globalThis).
 */
function viewDedupe() {
  if (!cluster.isWorker) return undefined;
  const g = /** @type {{ __bylineViewDedupe?: ReturnType<typeof primaryViewDedupe> }} */ (globalThis);
  return (g.__bylineViewDedupe ??= primaryViewDedupe());
}

/**
 * The database gate (database-gate.mjs), probing with a connection of its own that gives up
 * within 2 s; the app reports failures through globalThis (lib/db/availability.ts).
 * @param {(msg: string) => void} log
 */
function databaseGateFromEnv(log) {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.BYLINE_DATABASE_GATE === "0") return null;
  const gate = createDatabaseGate({
    log,
    probe: async () => {
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: 2_000,
        // client side too: a server that accepts and then says nothing must not hold the probe
        query_timeout: 2_000,
      });
      // a connection lost while probing must not become an uncaught 'error' event
      client.on("error", () => {});
      try {
        await client.connect();
        await client.query("SELECT 1");
      } catch (e) {
        // PostgreSQL answered with an error of its own (too many connections, an overloaded
        // server's timeout): it is there, and load is not an outage. Only its shutdown and
        // start-up answers, and no answer at all, count as away.
        if (e instanceof pg.DatabaseError && !AWAY_SQLSTATES.has(String(e.code))) return;
        throw e;
      } finally {
        await client.end().catch(() => {});
      }
    },
  });
  /** @type {{ __bylineDatabaseUnavailable?: unknown }} */ (globalThis).__bylineDatabaseUnavailable = () =>
    gate.reportUnavailable();
  return gate;
}

/**
 * Next.js' caches in Redis (shared-cache.mjs) when REDIS_URL is set; BYLINE_SHARED_CACHE=off keeps
 * each instance's own (Redis then serves readiness only).
 * @param {string} distDir
 * @param {string} placeholder the CSP nonce placeholder pages are rendered with (part of the keys)
 * @param {(msg: string) => void} log
 */
async function sharedCacheFromEnv(distDir, placeholder, log) {
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl || process.env.BYLINE_SHARED_CACHE === "off") return null;
  const shared = await createSharedCache({
    redisUrl,
    distDir,
    databaseUrl: process.env.DATABASE_URL,
    placeholder,
    log,
  });
  const g = /** @type {Record<symbol, Record<string, unknown> | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  g[NEXT_CACHE_HANDLERS] = {
    ...g[NEXT_CACHE_HANDLERS],
    DefaultCache: shared.entryHandler,
    RemoteCache: shared.entryHandler,
  };
  log(`shared cache: Next.js' caches in Redis (${new URL(redisUrl).host})`);
  return shared;
}

/**
 * @param {http.Server} server
 * @param {import("node:net").ListenOptions} options
 */
function listen(server, options) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options, () => resolve(undefined));
  });
}

/** The metrics of every worker, added up by the primary (cluster.mjs). @returns {Promise<string>} */
const askPrimaryForMetrics = () => askPrimary(METRICS_REQUEST, {}, 10_000);

/** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down) */
const AWAY_SQLSTATES = new Set(["57P01", "57P02", "57P03"]);

/** @typedef {() => unknown} ShutdownHook */

/**
 * @param {{ dev?: boolean, port?: number, hostname?: string, log?: (msg: string) => void }} [options]
 * @returns {Promise<{ server: http.Server, close: (timeoutMs?: number) => Promise<void> }>}
 */
export async function startServer({
  dev = false,
  port = 3000,
  hostname = "0.0.0.0",
  log = console.log,
} = {}) {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  // See nonce-rewrite.mjs: Next.js renders with this fixed secret placeholder (so cached HTML
  // stays valid across requests and restarts of the same build), every response gets a fresh
  // nonce instead. Same length as a real nonce (16 bytes, base64): flight data inside pages
  // repeats the nonce in length-prefixed rows, so the swap must not change any length.
  const placeholder = readRenderNonce(distDir) ?? randomBytes(16).toString("base64");
  // before Next.js creates its caches: Redis' when REDIS_URL is set (shared by the instances),
  // and stored pages report their inline scripts
  const shared = dev ? null : await sharedCacheFromEnv(distDir, placeholder, log);
  if (!dev) installPageCacheHook(shared?.PageCache);
  const nextModule = await import("next");
  // Next.js is CommonJS: its module object is the function its types call `default` (named by
  // its declaration file, so the type reads the same under node's and the bundler's resolution)
  const next = /** @type {import("next/dist/server/next.js").default} */ (
    /** @type {unknown} */ (nextModule.default)
  );
  const app = next({ dev, dir: root, hostname, port });
  await app.prepare();
  shared?.start();
  const handle = app.getRequestHandler();
  const compress = compression();
  const nonceCsp = cspNonceEnabled();
  // the pages already in the page cache; Next.js reports every later one (page-cache-hook.mjs)
  const trustedScripts = dev ? new Set() : trustedInlineScripts().scan(path.join(distDir, "server", "app"));
  const guard = createRequestGuard({ gates: gatesFromEnv() });
  /** @type {string | null} */
  let selfUrl = null;
  const pageCache = pageCacheFromEnv(dev, () => selfUrl, log);
  // a worker of several on this port (cluster.mjs): one render per page across them
  const peers = pageCache && cluster.isWorker ? createPeerClient({ cache: pageCache }) : undefined;
  // the Content API's count of answers from memory, added up across instances in Redis, else
  // across this machine's workers by their primary (cluster.mjs)
  const contentApiCounts = process.env.REDIS_URL
    ? createSharedWindowCounts({ redisUrl: process.env.REDIS_URL, windowMs: CONTENT_API_RATE.windowMs, log })
    : cluster.isWorker
      ? createSharedWindowCounts({ store: primaryCountStore(), windowMs: CONTENT_API_RATE.windowMs, log })
      : null;
  // published for Next.js' view route before any request (lib/services/views/view-recorder.ts)
  viewDedupe();
  const views = viewBeaconFromEnv(log);
  const viewLog = dev ? null : viewLogFromEnv(log);
  const pageViews = viewLog?.log;
  const metrics = createMetrics({
    viewsPending: () => views?.counter.pendingViews() ?? 0,
    pageCacheBytes: () => pageCache?.bytes ?? 0,
    databaseReachable: () => !databaseGate?.isDown(),
  });
  const databaseGate = databaseGateFromEnv(log);
  // background jobs live in Next.js' bundles: they report their runs through this (lib/jobs/job-metrics.ts)
  /** @type {{ __bylineJobRun?: unknown }} */ (globalThis).__bylineJobRun = metrics.jobRun;
  if (cluster.isWorker) metrics.aggregateFrom(askPrimaryForMetrics);

  /**
   * The path of every response not sent from the page cache.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {(res: http.ServerResponse) => void} [outer] the page cache's capture, outermost
   */
  function serveNext(req, res, outer) {
    if (databaseGate?.isDown() && !passesDatabaseGate(req.url ?? "/")) {
      // a page-cache miss has opened a capture that requests for the same page wait on: wrapping
      // the response settles it (as nothing) when this refusal closes, and they come here too
      outer?.(res);
      refuse(req, res, 503, DATABASE_DOWN_MESSAGE, {
        code: "UNAVAILABLE",
        title: "服务暂时不可用",
        headers: { "Retry-After": String(DATABASE_DOWN_RETRY_SECONDS) },
        keepAlive: true,
      });
      return;
    }
    // a front (deploy/nginx.conf) caches only HIT/MISS: these responses carry a per-response nonce
    res.setHeader("x-byline-cache", "BYPASS");
    // one CSP nonce per response, known only here: Next.js renders with the placeholder
    // (proxy.ts), the rewrite puts this nonce in the body and the policy header; any
    // client-sent x-byline-render-nonce is overwritten
    const nonce = randomBytes(16).toString("base64");
    req.headers["x-byline-render-nonce"] = placeholder;
    // gzip here rather than in Next.js, so the nonce rewrite sees plain HTML
    compress(req, res, () => {
      if (nonceCsp) {
        // A 304 would make the browser reuse a body that carries an earlier response's nonce
        // while this response's header names a new one: every script blocked. Pages are always
        // sent whole; build assets and media keep their conditional requests.
        if (!UNCHANGED_BYTES.test(req.url ?? "")) {
          delete req.headers["if-none-match"];
          delete req.headers["if-modified-since"];
        }
        applyScriptNonce(res, { nonce, placeholder, trustedScripts });
      }
      outer?.(res);
      void handle(req, res);
    });
  }
  const serve = pageCache
    ? createPageCacheHandler({
        cache: pageCache,
        placeholder,
        passOn: serveNext,
        onResult: metrics.cacheResult,
        limitContentApi: createContentApiLimit({ shared: contentApiCounts ?? undefined }),
        peers,
      })
    : serveNext;
  // a fresh page is sent before everything below: no request id (nothing is logged for it), no guard
  const serveHit = pageCache ? createHitPath({ cache: pageCache, onHit: metrics.servedFromMemory }) : null;

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  const onRequest = (req, res) => {
    // the connection's address, read as it opened (undefined for the internal server's: read from the socket then)
    const address = connections.request(req, res);
    const hit = serveHit?.(req, res);
    if (hit) {
      if (hit.view) pageViews?.servedHit(req, res.statusCode, hit.view, address);
      return;
    }
    // what every public page asks after it loads, for a reader who is not signed in
    if (answerSignedOut(req, res, metrics.observe)) return;
    // an article page from Next.js or the page cache's other paths: its view when it was sent
    if (pageViews?.isCandidate(req.url ?? ""))
      res.once("finish", () => pageViews.served(req, res.statusCode, address));
    stampClientIp(req, address);
    metrics.observe(req, res);
    if (answerMetrics(metrics, req, res)) return;
    withRequestId(req, res, () =>
      guard(req, res, () => {
        if (!views?.answer(req, res)) serve(req, res);
      }),
    );
  };
  const server = http.createServer(onRequest);
  // Expect: 100-continue is answered by the guard, once the request is admitted
  server.on("checkContinue", onRequest);
  const connections = trackConnections(server, { log });
  server.keepAliveTimeout = 5_000;
  await listen(server, { port, host: hostname });
  // Where background jobs, the bus and the page warmer reach this process over loopback
  // (lib/jobs/background-invalidation.ts, whose secret is this process' own): a worker shares its
  // port with the others, so it listens on a loopback port of its own as well.
  // (its connections tracked on its own path: the public one's hits need not look them up)
  const internal = cluster.isWorker
    ? http.createServer((req, res) => {
        internalConnections?.request(req, res);
        onRequest(req, res);
      })
    : null;
  const internalConnections = internal ? trackConnections(internal, { log }) : null;
  if (internal) await listen(internal, { port: 0, host: "127.0.0.1", exclusive: true });
  const own = (internal ?? server).address();
  /** @type {{ __bylineServerAddress?: unknown }} */ (globalThis).__bylineServerAddress = own;
  selfUrl = loopbackUrl(own);
  if (cluster.isWorker) process.send?.({ type: WORKER_LISTENING });

  /** @param {number} [timeoutMs] */
  async function close(timeoutMs = 10_000) {
    log(
      `shutting down: finishing ${connections.inFlight()} in-flight request(s) on ${connections.connections} connection(s), at most ${timeoutMs / 1000}s`,
    );
    await Promise.all([connections.drain(timeoutMs), internalConnections?.drain(timeoutMs)]);
    databaseGate?.close();
    // no request is left to count a view: the log's last lines, the beacon's last batch
    await viewLog
      ?.close()
      .catch((e) => log(`views: closing the view log failed: ${e instanceof Error ? e.message : e}`));
    await views
      ?.close()
      .catch((e) => log(`views: final write failed: ${e instanceof Error ? e.message : e}`));
    // app-level hooks (lib/shutdown.ts), e.g. flushing buffered view counts
    const hooks = /** @type {{ __bylineShutdownHooks?: ShutdownHook[] }} */ (globalThis)
      .__bylineShutdownHooks;
    for (const hook of hooks ?? []) {
      try {
        await hook();
      } catch (e) {
        log(`shutdown hook failed: ${e instanceof Error ? e.message : e}`);
      }
    }
    await app.close?.();
    await shared?.stop();
    await contentApiCounts?.close();
  }
  return { server, close };
}

/**
 * Runs `close` once on SIGTERM/SIGINT, then exits.
 * @param {(signal: NodeJS.Signals) => Promise<unknown>} close
 */
export function onShutdown(close) {
  let stopping = false;
  /** @param {NodeJS.Signals} signal */
  const handler = async (signal) => {
    if (stopping) return;
    stopping = true;
    try {
      await close(signal);
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
