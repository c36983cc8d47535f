// @ts-check
// Prometheus metrics (prom-client) for one server process, answered at /api/metrics by the HTTP
// server before Next.js (docs/deploy.md, "Operations"). Request latency per route group, the page cache's
// outcomes, the view buffer, and background job runs. Jobs run inside Next.js' bundles, a
// separate module graph: they report through the functions published on globalThis below.
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";

const METRICS_PATH = "/api/metrics";

/** Route groups: few label values, so the series stay bounded whatever paths are requested. */
const GROUPS = /** @type {const} */ ([
  [/^\/_next\/static\//, "static"],
  [/^\/media\//, "media"],
  [/^\/posts\//, "article"],
  [/^\/(category|tag|latest|member|page|cve)(\/|$)/, "list"],
  [/^\/search(\/|$)/, "search"],
  [/^\/(feed|sitemap\.xml|robots\.txt)/, "feed"],
  [/^\/api\/views(\/|$)/, "view-beacon"],
  [/^\/api\//, "api"],
  [/^\/admin(\/|$)/, "admin"],
  [/^\/editor(\/|$)/, "editor"],
  [/^\/(login|register|forgot-password|reset-password|me)(\/|$)/, "account"],
]);

/** @param {string | undefined} url */
export function routeGroup(url) {
  const path = (url ?? "/").split("?")[0] ?? "/";
  if (path === "/") return "home";
  for (const [pattern, group] of GROUPS) if (pattern.test(path)) return group;
  return "other";
}

/**
 * @param {{ viewsPending?: () => number, pageCacheBytes?: () => number, databaseReachable?: () => boolean }} [sources]
 */
export function createMetrics(sources = {}) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "byline_" });
  const duration = new client.Histogram({
    name: "byline_http_request_duration_seconds",
    help: "Time from request to the last byte of the response (a page cache hit: until it is handed to the socket), by route group",
    labelNames: ["group", "method", "status"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // hits are the hot path: counted in a plain number, added to the counter when it is read
  let pendingHits = 0;
  const cacheResults = new client.Counter({
    name: "byline_page_cache_requests_total",
    help: "Page cache outcomes for cacheable requests: hit (memory), wait (joined a render), miss (rendered)",
    labelNames: ["result"],
    registers: [registry],
    collect() {
      if (pendingHits === 0) return;
      this.inc({ result: "hit" }, pendingHits);
      pendingHits = 0;
    },
  });
  /** @type {WeakMap<object, string>} a stored page's route group, worked out on its first hit */
  const groupOfEntry = new WeakMap();
  new client.Gauge({
    name: "byline_view_buffer_views",
    help: "Views counted in memory and not yet written to the database",
    registers: [registry],
    collect() {
      this.set(sources.viewsPending?.() ?? 0);
    },
  });
  new client.Gauge({
    name: "byline_page_cache_bytes",
    help: "Bytes held by the in-process page cache",
    registers: [registry],
    collect() {
      this.set(sources.pageCacheBytes?.() ?? 0);
    },
  });
  new client.Gauge({
    name: "byline_database_reachable",
    help: "1 while PostgreSQL answers, 0 while the database gate holds requests back (database-gate.mjs)",
    registers: [registry],
    // across workers (cluster.mjs): 0 when any of them holds requests back
    aggregator: "min",
    collect() {
      this.set(sources.databaseReachable?.() === false ? 0 : 1);
    },
  });
  const jobRuns = new client.Counter({
    name: "byline_job_runs_total",
    help: "Background job runs by job and result (ok, failed)",
    labelNames: ["job", "result"],
    registers: [registry],
  });
  const jobBacklog = new client.Gauge({
    name: "byline_job_backlog",
    help: "Work a job found waiting at its last run (due scheduled articles, sources to check)",
    labelNames: ["job"],
    registers: [registry],
  });

  /** @type {() => Promise<string>} */
  let text = () => registry.metrics();
  return {
    registry,
    /** The exposition text: this process' metrics, or all workers' (aggregateFrom). */
    text: () => text(),
    /**
     * In a worker (cluster.mjs): the text is asked of the primary, which adds up every worker's
     * registry with prom-client's AggregatorRegistry; this registry answers its requests.
     * @param {() => Promise<string>} ask
     */
    aggregateFrom(ask) {
      client.AggregatorRegistry.setRegistries([registry]);
      // its constructor starts answering the primary's requests for this worker's metrics
      new client.AggregatorRegistry();
      text = ask;
    },
    /**
     * Times one response; call at the start of the request.
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     */
    observe(req, res) {
      const end = duration.startTimer({ group: routeGroup(req.url), method: req.method ?? "GET" });
      res.once("finish", () => end({ status: `${Math.floor(res.statusCode / 100)}xx` }));
    },
    /**
     * A page cache hit sent from memory before the per-request work (page-cache-capture.mjs
     * createHitPath): timed by its sender, with no listener on the response.
     * @param {import("node:http").IncomingMessage} req
     * @param {object} entry the stored page
     * @param {number} status
     * @param {number} seconds
     */
    servedFromMemory(req, entry, status, seconds) {
      let group = groupOfEntry.get(entry);
      if (group === undefined) groupOfEntry.set(entry, (group = routeGroup(req.url)));
      duration.observe(
        { group, method: req.method ?? "GET", status: `${Math.floor(status / 100)}xx` },
        seconds,
      );
      pendingHits++;
    },
    /** @param {"hit" | "wait" | "miss"} result */
    cacheResult(result) {
      if (result === "hit") pendingHits++;
      else cacheResults.inc({ result });
    },
    /** @param {string} job @param {boolean} ok @param {number} [backlog] */
    jobRun(job, ok, backlog) {
      jobRuns.inc({ job, result: ok ? "ok" : "failed" });
      if (backlog !== undefined) jobBacklog.set({ job }, backlog);
    },
  };
}

/** @typedef {ReturnType<typeof createMetrics>} Metrics */

/**
 * Who may read the metrics: with METRICS_TOKEN set, a request carrying it as a bearer token;
 * without it, only a client on this machine (the stamped client address, so a request relayed by
 * a front from elsewhere is not "local"). Anyone else gets a 404: the endpoint is not advertised.
 * @param {import("node:http").IncomingMessage} req
 * @param {string | undefined} token
 */
export function mayReadMetrics(req, token) {
  if (token) {
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "");
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  const ip = String(req.headers["x-byline-client-ip"] ?? "");
  return ip === "127.0.0.1" || ip === "::1" || ip === "::ffff:127.0.0.1";
}

/**
 * Answers GET /api/metrics; false for any other request.
 * @param {Metrics} metrics
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function answerMetrics(metrics, req, res) {
  if ((req.url ?? "").split("?")[0] !== METRICS_PATH) return false;
  if (req.method !== "GET" || !mayReadMetrics(req, process.env.METRICS_TOKEN)) {
    res.writeHead(404, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify({ error: "页面不存在" }));
    return true;
  }
  metrics.text().then(
    (text) => {
      res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
      res.end(text);
    },
    (e) => {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`metrics failed: ${e instanceof Error ? e.message : e}`);
    },
  );
  return true;
}
