import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answerMetrics, createMetrics, mayReadMetrics, routeGroup } from "./metrics.mjs";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  delete process.env.METRICS_TOKEN;
});

/** A server that answers the metrics the way http-server.mjs does, everything else "ok". */
async function serve(metrics: ReturnType<typeof createMetrics>, clientIp: string) {
  const server = http.createServer((req, res) => {
    req.headers["x-byline-client-ip"] = clientIp; // what stampClientIp would have decided
    metrics.observe(req, res);
    if (answerMetrics(metrics, req, res)) return;
    res.statusCode = req.url === "/missing" ? 404 : 200;
    res.end("ok");
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("routeGroup", () => {
  it.each([
    ["/", "home"],
    ["/posts/abc123?x=1", "article"],
    ["/category/news", "list"],
    ["/tag/apt", "list"],
    ["/search?q=x", "search"],
    ["/feed", "feed"],
    ["/sitemap.xml", "feed"],
    ["/api/views", "view-beacon"],
    ["/api/health", "api"],
    ["/admin/users", "admin"],
    ["/editor/articles", "editor"],
    ["/_next/static/chunks/a.js", "static"],
    ["/media/ab/cd.webp", "media"],
    ["/login", "account"],
    ["/wp-login.php", "other"],
    [undefined, "home"],
  ])("%s → %s", (url, group) => expect(routeGroup(url)).toBe(group));
});

describe("mayReadMetrics", () => {
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as http.IncomingMessage;
  it("without a token: this machine only, by the stamped client address", () => {
    expect(mayReadMetrics(req({ "x-byline-client-ip": "127.0.0.1" }), undefined)).toBe(true);
    expect(mayReadMetrics(req({ "x-byline-client-ip": "::1" }), undefined)).toBe(true);
    expect(mayReadMetrics(req({ "x-byline-client-ip": "203.0.113.9" }), undefined)).toBe(false);
    expect(mayReadMetrics(req({}), undefined)).toBe(false);
  });
  it("with a token: the bearer token, from anywhere, and nothing else", () => {
    const t = "s3cret-token-value";
    expect(
      mayReadMetrics(req({ authorization: `Bearer ${t}`, "x-byline-client-ip": "203.0.113.9" }), t),
    ).toBe(true);
    expect(mayReadMetrics(req({ authorization: `Bearer ${t}x` }), t)).toBe(false);
    expect(mayReadMetrics(req({ authorization: t }), t)).toBe(false);
    // a token configured means loopback alone is no longer enough
    expect(mayReadMetrics(req({ "x-byline-client-ip": "127.0.0.1" }), t)).toBe(false);
  });
});

describe("the metrics endpoint", () => {
  it("counts requests per route group and status class, page cache outcomes and job runs", async () => {
    const metrics = createMetrics({
      viewsPending: () => 7,
      pageCacheBytes: () => 1234,
      databaseReachable: () => false,
    });
    const base = await serve(metrics, "127.0.0.1");
    await fetch(`${base}/posts/abc`);
    await fetch(`${base}/posts/def`);
    await fetch(`${base}/missing`);
    metrics.cacheResult("hit");
    metrics.cacheResult("hit");
    metrics.cacheResult("miss");
    metrics.jobRun("scheduled-publish", true, 3);
    metrics.jobRun("scheduled-publish", false);

    const res = await fetch(`${base}/api/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(
      /byline_http_request_duration_seconds_count\{group="article",method="GET",status="2xx"\} 2/,
    );
    expect(text).toMatch(
      /byline_http_request_duration_seconds_count\{group="other",method="GET",status="4xx"\} 1/,
    );
    expect(text).toMatch(/byline_page_cache_requests_total\{result="hit"\} 2/);
    expect(text).toMatch(/byline_page_cache_requests_total\{result="miss"\} 1/);
    expect(text).toMatch(/byline_view_buffer_views 7/);
    expect(text).toMatch(/byline_page_cache_bytes 1234/);
    expect(text).toMatch(/byline_database_reachable 0/);
    expect(text).toMatch(/byline_job_runs_total\{job="scheduled-publish",result="ok"\} 1/);
    expect(text).toMatch(/byline_job_runs_total\{job="scheduled-publish",result="failed"\} 1/);
    expect(text).toMatch(/byline_job_backlog\{job="scheduled-publish"\} 3/);
    expect(text).toMatch(/byline_process_resident_memory_bytes \d+/);
  });

  it("times page cache hits sent from memory in the histogram, by their page's group, and counts them as hits", async () => {
    const metrics = createMetrics();
    const article = {};
    const home = {};
    const hit = (url: string, method: string) => ({ url, method }) as http.IncomingMessage;
    metrics.servedFromMemory(hit("/posts/abc", "GET"), article, 200, 0.0004);
    metrics.servedFromMemory(hit("/posts/abc", "GET"), article, 304, 0.0001);
    metrics.servedFromMemory(hit("/", "HEAD"), home, 200, 0.003);
    metrics.cacheResult("hit"); // one answered by the page cache after the per-request work
    metrics.cacheResult("miss");
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /byline_http_request_duration_seconds_count\{group="article",method="GET",status="2xx"\} 1/,
    );
    expect(text).toMatch(
      /byline_http_request_duration_seconds_count\{group="article",method="GET",status="3xx"\} 1/,
    );
    expect(text).toMatch(
      /byline_http_request_duration_seconds_bucket\{le="0.002",group="article",method="GET",status="2xx"\} 1/,
    );
    expect(text).toMatch(
      /byline_http_request_duration_seconds_bucket\{le="0.002",group="home",method="HEAD",status="2xx"\} 0/,
    );
    expect(text).toMatch(
      /byline_http_request_duration_seconds_bucket\{le="0.005",group="home",method="HEAD",status="2xx"\} 1/,
    );
    expect(text).toMatch(/byline_page_cache_requests_total\{result="hit"\} 4/);
    expect(text).toMatch(/byline_page_cache_requests_total\{result="miss"\} 1/);
    // counted once: a second read adds nothing new
    metrics.servedFromMemory(hit("/posts/abc", "GET"), article, 200, 0.0004);
    expect(await metrics.registry.metrics()).toMatch(/byline_page_cache_requests_total\{result="hit"\} 5/);
  });

  it("answers 404 to a client elsewhere, and to a wrong token", async () => {
    const remote = await serve(createMetrics(), "198.51.100.4");
    const res = await fetch(`${remote}/api/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("byline_");

    process.env.METRICS_TOKEN = "token-for-prometheus";
    const wrong = await fetch(`${remote}/api/metrics`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(404);
    const right = await fetch(`${remote}/api/metrics`, {
      headers: { authorization: "Bearer token-for-prometheus" },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("byline_http_request_duration_seconds");
  });
});
