import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { percentile } from "./test/fault-client";
import { send } from "./test/http-client";

// Finding 9: 100 concurrent searches made cached article pages and /api/health answer in 15 s
// (p95). The search gate sheds what the server cannot run (503 + Retry-After), so the rest of
// the site stays fast. Figures are printed; the bound asserted is the issue's generous one.
let srv: FaultServer;
let article: string;
let words: string[];

beforeAll(async () => {
  srv = await startFaultServer({ name: "search-storm" });
  const client = new pg.Client({ connectionString: faultDatabaseUrl() });
  await client.connect();
  const rows = (
    await client.query<{ publicId: string; title: string }>(
      `select "publicId", title from articles where status = 'PUBLISHED' order by "publishedAt" desc limit 40`,
    )
  ).rows;
  await client.end();
  article = `/posts/${rows[0]!.publicId}`;
  // real words from real titles, so every search does the full work: segmenting, the GIN index, rendering
  words = rows
    .flatMap((r) => r.title.split(/[\s，。：、“”《》（）()!?！？,.:]+/))
    .filter((w) => w.length >= 2);
});
afterAll(async () => {
  await srv?.stop("SIGKILL");
});

async function timed(agent: http.Agent, path: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const r = await send(srv.base, { path, agent });
  return { ms: performance.now() - t0, status: r.status };
}

describe("a search storm", () => {
  it("leaves a cached article page's p95 under 100 ms, and /api/health fast", async () => {
    const sampler = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // the article page is cached before the storm, as it is on a live site; its latency without
    // the storm is printed for comparison (it says how busy this machine is)
    for (let i = 0; i < 5; i++) expect((await timed(sampler, article)).status).toBe(200);
    const quiet: number[] = [];
    for (let i = 0; i < 40; i++) quiet.push((await timed(sampler, article)).ms);

    const stormAgent = new http.Agent({ keepAlive: true, maxSockets: 100 });
    const statuses = new Map<number, number>();
    const retryAfter = new Set<string | string[] | undefined>();
    let stop = false;
    let n = 0;
    const searcher = async () => {
      while (!stop) {
        const q = encodeURIComponent(`${words[n++ % words.length]} ${n}`);
        const r = await send(srv.base, { path: `/search?q=${q}`, agent: stormAgent });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 503) retryAfter.add(r.headers["retry-after"]);
      }
    };
    const storm = Array.from({ length: 100 }, searcher);
    // let the storm build up before sampling
    while ((statuses.get(200) ?? 0) + (statuses.get(503) ?? 0) < 200)
      await new Promise((r) => setTimeout(r, 20));

    const pages: number[] = [];
    const health: number[] = [];
    for (let i = 0; i < 100; i++) {
      const a = await timed(sampler, article);
      expect(a.status).toBe(200);
      pages.push(a.ms);
      if (i % 4 === 0) {
        const h = await timed(sampler, "/api/health");
        expect(h.status).toBe(200);
        health.push(h.ms);
      }
    }
    stop = true;
    await Promise.all(storm);
    sampler.destroy();
    stormAgent.destroy();

    const p95 = percentile(pages, 95);
    const healthP95 = percentile(health, 95);
    console.log(
      `article page without a storm: p50 ${percentile(quiet, 50).toFixed(1)} ms, p95 ${percentile(quiet, 95).toFixed(1)} ms\n` +
        `search storm (100 concurrent clients, ${[...statuses].map(([s, c]) => `${c}×${s}`).join(", ")}): ` +
        `article page p50 ${percentile(pages, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...pages).toFixed(1)} ms; ` +
        `/api/health p95 ${healthP95.toFixed(1)} ms`,
    );
    // searches kept being answered; whatever could not run in time was shed with a 503 that says
    // when to come back. Whether any is shed depends on this machine's speed (a fast one answers
    // every queued search inside the gate's 5 s wait), so the count is printed, not asserted; the
    // refusal itself is covered by concurrency-gate.test.ts.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].every((s) => s === 200 || s === 503)).toBe(true);
    expect([...retryAfter].every((v) => v === "2")).toBe(true);
    expect(p95).toBeLessThan(100);
    // the issue's bound for health under load (finding 8): under a second
    expect(healthP95).toBeLessThan(1000);
  });
});
