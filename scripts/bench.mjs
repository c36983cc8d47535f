#!/usr/bin/env node
// npm run bench: one table, one run. Article (1,500 characters), home, category and search pages,
// each (a) from the Byline server alone, (b) through deploy/nginx.conf in front of it, (c) from
// nginx serving the very same bytes from disk (the limit of this machine); with and without
// `Accept-Encoding: gzip, br`. Then the per-reader requests a page makes after it loads, the
// article's render time after an invalidation and what counting views costs. The server: BASE_URL, else one the bench starts (scripts/lib/bench-server.mjs).
// Needs wrk and nginx (Debian: apt-get install wrk nginx-light). Prints figures; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchArticle, benchTarget } from "./lib/bench-server.mjs";
import {
  machineLoad,
  rawGet,
  readerScripts,
  requireTools,
  staticNginx,
  wrk,
  wrkArgs,
} from "./lib/bench-wrk.mjs";
import { startFront } from "./lib/nginx-front.mjs";
import { readerRequests } from "./lib/bench-reader-requests.mjs";
import pg from "pg";
import { viewLogDir } from "../server/view-log.mjs";
import { canMeasureCpu, cpuSeconds, viewCountersUnder } from "./lib/proc-cpu.mjs";
import { step } from "./lib/run.mjs";

const ENCODED = "gzip, br";
/** Runs of each measurement in the views section (BENCH_REPEAT), alternated; the median is shown. */
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
/** The run with the median requests/s. */
const median = (runs) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor((runs.length - 1) / 2)];
const pct = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

await requireTools(["wrk", "nginx"]);
const machine = machineLoad();
const target = await benchTarget();
try {
  await main(target);
} finally {
  await target.stop();
}
machine.report();

async function pagesOf({ base, own, databaseUrl }) {
  const home = (await rawGet(`${base}/`)).body.toString();
  const category = /href="(\/category\/[^"?#]+)"/.exec(home)?.[1] ?? "/category/news";
  const article = own ? await benchArticle(databaseUrl) : null;
  const articlePath =
    process.env.BENCH_ARTICLE ?? article?.path ?? /href="(\/posts\/[^"?#]+)"/.exec(home)?.[1];
  if (!articlePath) throw new Error("no article link on the home page");
  const pages = {
    article: articlePath,
    home: "/",
    category,
    search: `/search?q=${encodeURIComponent("漏洞")}`,
  };
  return { pages, article };
}

async function main(server) {
  const { pages, article } = await pagesOf(server);
  // BENCH_ONLY=reader: the per-reader requests a page makes after it loads, alone
  if (process.env.BENCH_ONLY === "reader") return readerRequests(server, pages.article);
  // BENCH_ONLY=views: what counting views costs, alone (the page warmed first)
  if (process.env.BENCH_ONLY === "views") {
    for (let i = 0; i < 3; i++)
      await rawGet(`${server.base}${pages.article}`, { "accept-encoding": ENCODED });
    return viewCost(server, pages.article);
  }
  for (const p of Object.values(pages)) {
    // the first request may render (the bench article is not prerendered)
    for (let i = 0; i < 3; i++)
      await rawGet(`${server.base}${p}`, i % 2 ? { "accept-encoding": ENCODED } : {});
    const res = await rawGet(`${server.base}${p}`);
    if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status}`);
  }
  const disk = await staticNginx();
  const front = await startFront({ upstream: new URL(server.base).host });
  const rows = [];
  try {
    for (const [name, p] of Object.entries(pages)) {
      for (const enc of ["identity", ENCODED]) {
        const headers = enc === ENCODED ? [`Accept-Encoding: ${ENCODED}`] : [];
        step("bench", `${name} ${enc}`);
        const set = [];
        for (const [who, url] of [
          ["(a) byline", server.base],
          ["(b) nginx front", front.url],
        ]) {
          const ask = () => rawGet(`${url}${p}`, enc === ENCODED ? { "accept-encoding": ENCODED } : {});
          const probe = await ask();
          const measured = await wrk(`${url}${p}`, { headers });
          set.push({ who, ...measured, probe, after: await ask() });
        }
        // (c) serves the smaller of (a)'s answers before and after its run: a cache may make its
        // compressed variant only after storing, or lose the entry mid-run and answer a MISS
        const sent =
          [set[0].probe, set[0].after]
            .filter((r) => r.status === 200)
            .reduce((x, y) => (!x || y.body.length < x.body.length ? y : x), null) ?? set[0].after;
        const file = disk.put(
          `${name}-${enc === ENCODED ? "enc" : "plain"}`,
          sent.body,
          sent.headers["content-encoding"],
        );
        const limit = { who: "(c) nginx disk", ...(await wrk(file, { headers })), probe: await rawGet(file) };
        rows.push({ name, enc, set: [...set, limit], limit });
      }
    }
  } finally {
    disk.stop();
    await front.stop();
  }
  printTable(rows);
  if (article)
    console.log(`article: ${pages.article}, ${article.chars} characters of text (seeded articles joined)`);
  await readerRequests(server, pages.article);
  await missRenders(server, pages.article, article);
  await viewCost(server, pages.article);
}

function printTable(rows) {
  console.log(`\n${wrkArgs}; ratios against (c), nginx serving the same bytes from disk\n`);
  console.log(
    "page      encoding  server           req/s   p50 ms   p99 ms  ×req/s   ×p99  errors  sent      KB  cache before→after",
  );
  for (const r of rows) {
    for (const m of r.set) {
      const kb = m.probe.body.length / 1024;
      console.log(
        [
          r.name.padEnd(10),
          (r.enc === ENCODED ? "gzip,br" : "none").padEnd(10),
          m.who.padEnd(15),
          fmt(m.rps, 0).padStart(8),
          fmt(m.p50, 2).padStart(9),
          fmt(m.p99, 2).padStart(9),
          fmt(m.rps / r.limit.rps, 3).padStart(8),
          fmt(m.p99 / r.limit.p99, 2).padStart(7),
          String(m.errors).padStart(8),
          `  ${(m.probe.headers["content-encoding"] ?? "-").padEnd(8)}`,
          fmt(kb, 1).padStart(5),
          `  ${m.probe.headers["x-byline-cache"] ?? "-"}${m.after ? `→${m.after.headers["x-byline-cache"] ?? "-"}` : ""}`,
        ].join(""),
      );
    }
  }
  const sizes = rows
    .filter((r) => r.enc !== ENCODED)
    .map((r) => `${r.name} ${fmt(r.limit.probe.body.length / 1024)} KB`);
  console.log(`HTML as served: ${sizes.join(", ")}`);
}

async function missRenders(server, articlePath, article) {
  if (!server.invalidate || !article) {
    console.log(
      "\ncache-miss render: needs the bench's own server (unset BASE_URL): only it can be invalidated",
    );
    return;
  }
  const timed = async () => {
    const t0 = performance.now();
    const res = await rawGet(`${server.base}${articlePath}`, { "accept-encoding": ENCODED });
    return { ms: performance.now() - t0, status: res.status, cache: res.headers["x-byline-cache"] ?? "-" };
  };
  const hits = [];
  for (let i = 0; i < 50; i++) hits.push(await timed());
  const misses = [];
  for (let i = 0; i < 50; i++) {
    await server.invalidate(article.tags);
    misses.push(await timed());
  }
  const tally = (list) => {
    const counts = new Map();
    for (const x of list)
      counts.set(`${x.status} ${x.cache}`, (counts.get(`${x.status} ${x.cache}`) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${k} ×${n}`).join(", ");
  };
  const line = (label, list) => {
    const ms = list.map((x) => x.ms);
    console.log(
      `${label.padEnd(44)} p50 ${fmt(pct(ms, 0.5))} ms  p90 ${fmt(pct(ms, 0.9))} ms  max ${fmt(Math.max(...ms))} ms  (${tally(list)})`,
    );
  };
  console.log(`\narticle page, one request at a time, 50 each (tags invalidated: ${article.tags.join(" ")})`);
  line("after an invalidation (cache miss, a render)", misses);
  line("no invalidation (cached)", hits);
}

/**
 * What counting views costs: pages/s of the article as readers open it, without its view logged
 * against with it (the page request is the view: lib/services/views/view-log.mjs), (a) from the
 * Byline server alone and (b) through deploy/nginx.conf, while the server's view counter (a child
 * process at nice 19) counts what is logged. Then whether every logged view was counted, and how
 * long after the last run the counter caught up.
 */
async function viewCost(server, articlePath) {
  if (!server.own || !server.databaseUrl) {
    console.log(
      "\nview counting: needs the bench's own server (unset BASE_URL): only its counter's folder is known",
    );
    return;
  }
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  const publicId = articlePath.split("/").pop();
  const views = async () =>
    Number(
      (await db.query(`SELECT "viewCount" FROM articles WHERE "publicId" = $1`, [publicId])).rows[0]
        .viewCount,
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-views-"));
  // the folder the bench server's counter reads (its VIEW_LOG_DIR, else the one of its database)
  const counted = viewLogDir({ ...process.env, DATABASE_URL: server.databaseUrl });
  const host = new URL(server.base).host;
  const front = await startFront({ upstream: host, viewLog: path.join(counted, "front.log") });
  const unlogged = await startFront({ upstream: host, viewLog: null });
  const rows = [];
  let logged = 0;
  // no two runs, of this bench or an earlier one on the same database, share a visitor
  const script = readerScripts(dir);
  // caught up: every file in the folder read to its end (its cursor, view_log_cursors, at its size)
  const left = async () => {
    const { rows } = await db.query(`SELECT file, "offset" FROM view_log_cursors`);
    const read = new Map(rows.map((r) => [r.file, Number(r.offset)]));
    let bytes = 0;
    for (const name of fs.readdirSync(counted).filter((n) => /\.log(\.done|\.\d+)?$/.test(n))) {
      const st = fs.statSync(path.join(counted, name), { throwIfNoEntry: false });
      if (st) bytes += st.size - (read.get(`${st.ino}-${Math.floor(st.birthtimeMs)}`) ?? 0);
    }
    return bytes;
  };
  const counts = process.env.BYLINE_VIEW_COUNTER !== "0";
  /** Waits (at most 10 minutes) until the counter has read everything; returns the bytes still unread. */
  const caughtUp = async () => {
    const giveUp = performance.now() + 600_000;
    let waiting = counts ? await left() : 0;
    while (waiting > 0 && performance.now() < giveUp) {
      await new Promise((r) => setTimeout(r, 250));
      waiting = await left();
    }
    return waiting;
  };
  // lines an earlier run left (a server whose counter was off) would be counted as this run's
  if (counts && (await left()) > 0) {
    step("bench", "views: the counter catching up on lines earlier runs left");
    await caughtUp();
  }
  const before = await views();
  let lastRunEnd = 0;
  // CPU seconds of what serves the page and what counts its view (Linux /proc): the server (its
  // children apart: the counter), the front's nginx, the counter, PostgreSQL
  const measure = canMeasureCpu() && typeof server.pid === "number";
  const counterPids = measure ? viewCountersUnder(server.pid) : [];
  const frontPid = (f) => Number(fs.readFileSync(path.join(f.dir, "nginx.pid"), "utf8"));
  const groups = measure
    ? {
        server: [server.pid],
        counter: counterPids,
        front: [frontPid(front), frontPid(unlogged)],
        postgres: ["postgres"],
      }
    : {};
  const cpu = () => (measure ? cpuSeconds(groups) : {});
  const startCpu = cpu();
  /** one wrk run, with the CPU each group spent in it */
  const timed = async (url, script) => {
    const c0 = cpu();
    const m = await wrk(url, { script });
    const c1 = cpu();
    const spent = Object.fromEntries(Object.keys(c1).map((k) => [k, c1[k] - c0[k]]));
    // the server's own work: its tree less the counter's
    spent.page = spent.server - spent.counter;
    return { ...m, spent };
  };
  try {
    for (const [who, without, withView] of [
      ["(a) byline", server.base, server.base],
      ["(b) nginx front", unlogged.url, front.url],
    ]) {
      step("bench", `views ${who}`);
      const alone = [];
      const counting = [];
      // alternated, BENCH_REPEAT times: on a shared machine the load drifts between runs
      for (let i = 0; i < REPEAT; i++) {
        alone.push(await timed(`${without}${articlePath}`, script(articlePath, true)));
        const m = await timed(`${withView}${articlePath}`, script(articlePath, false));
        counting.push(m);
        logged += m.requests;
        lastRunEnd = performance.now();
      }
      // each run against the one just before it: the load drifts less within a pair than across them
      const pairs = alone.map((a, i) => 1 - counting[i].rps / a.rps).sort((x, y) => x - y);
      // CPU per page of what serves it (the server's own work; through the front, nginx's too),
      // over all runs of each kind
      const perPage = (runs, key) =>
        runs.reduce((t, r) => t + (r.spent[key] ?? 0), 0) / runs.reduce((t, r) => t + r.requests, 0);
      const serving = (runs) => perPage(runs, "page") + (who.startsWith("(b)") ? perPage(runs, "front") : 0);
      // what counting took while readers were served: the counter defers under load (its lines
      // wait on disk), so this stays near nothing; the rest is counted after the runs
      const runs = [...alone, ...counting];
      const during = (key) => ({
        total: runs.reduce((t, r) => t + (r.spent[key] ?? 0), 0),
        most: Math.max(...runs.map((r) => r.spent[key] ?? 0)),
      });
      rows.push({
        who,
        alone: median(alone),
        counting: median(counting),
        pairs,
        cpu: { without: serving(alone), with: serving(counting) },
        during: {
          counter: during("counter"),
          postgres: during("postgres"),
          runs: runs.length,
        },
      });
    }
  } finally {
    await front.stop();
    await unlogged.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nviews: GET ${articlePath} as a browser opens it; ${wrkArgs}, gzip,br; every request a new visitor` +
      ` (counted); median of ${REPEAT} alternated run(s); the counter counting meanwhile`,
  );
  console.log(
    "server            pages/s without view  p99 ms   pages/s with view    p99 ms  errors  view cost  per pair: median (range)",
  );
  for (const r of rows) {
    console.log(
      [
        r.who.padEnd(18),
        fmt(r.alone.rps, 0).padStart(20),
        fmt(r.alone.p99, 2).padStart(8),
        fmt(r.counting.rps, 0).padStart(19),
        fmt(r.counting.p99, 2).padStart(8),
        String(r.alone.errors + r.counting.errors).padStart(8),
        `${fmt((1 - r.counting.rps / r.alone.rps) * 100)} %`.padStart(11),
        `${fmt(r.pairs[Math.floor((r.pairs.length - 1) / 2)] * 100)} % (${fmt(r.pairs[0] * 100)} to ${fmt(r.pairs[r.pairs.length - 1] * 100)} %)`.padStart(
          27,
        ),
      ].join(""),
    );
  }
  if (measure)
    for (const r of rows)
      console.log(
        `${r.who}: CPU spent counting during its ${r.during.runs} runs: counter ${fmt(r.during.counter.total, 2)} s (at most ${fmt(r.during.counter.most, 2)} s in a run), PostgreSQL ${fmt(r.during.postgres.total, 2)} s (at most ${fmt(r.during.postgres.most, 2)} s)`,
      );
  step("bench", "views: waiting for the counter to catch up");
  const backlog = counts ? await left() : 0;
  const waiting = await caughtUp();
  const still = performance.now();
  const last = await views();
  await db.end();
  const endCpu = cpu();
  if (!counts)
    console.log("BYLINE_VIEW_COUNTER=0: the server counted nothing (the cost above is the logging alone)");
  else
    console.log(
      `counted ${(last - before).toLocaleString("en")} views for ${logged.toLocaleString("en")} page requests wrk completed with their view logged` +
        ` (a request in flight when wrk stops is logged, not completed); ${fmt(backlog / 1e6)} MB of log waited when the last run ended,` +
        ` all counted ${fmt((still - lastRunEnd) / 1000)} s after it${waiting > 0 ? ` (NOT caught up: ${fmt(waiting / 1e6)} MB left after 10 minutes)` : ""}`,
    );
  if (!measure) return;
  // what counting took, from the first run to caught up: the counter and PostgreSQL (all of it:
  // the counter's writes, and whatever else the database did meanwhile, which makes it an upper bound)
  const counting = endCpu.counter - startCpu.counter + (endCpu.postgres - startCpu.postgres);
  const perView = counts ? (counting / Math.max(1, last - before)) * 1e6 : 0;
  console.log(
    `CPU (Linux /proc, all runs of each kind): counting ${fmt(perView, 2)} µs per view counted (counter ${fmt(endCpu.counter - startCpu.counter)} s, PostgreSQL ${fmt(endCpu.postgres - startCpu.postgres)} s)`,
  );
  console.log(
    "server            CPU µs per page: without view  with view logged  logging  + counting  = view cost",
  );
  for (const r of rows) {
    const logging = r.cpu.with - r.cpu.without;
    console.log(
      [
        r.who.padEnd(18),
        fmt(r.cpu.without * 1e6, 2).padStart(29),
        fmt(r.cpu.with * 1e6, 2).padStart(17),
        fmt(logging * 1e6, 2).padStart(9),
        fmt(perView, 2).padStart(12),
        `${fmt(((logging * 1e6 + perView) / (r.cpu.without * 1e6)) * 100)} %`.padStart(13),
      ].join(""),
    );
  }
  console.log(
    "(view cost: what logging and counting a view add to the CPU the serving processes spend on its page; wrk's own CPU not included, so it overstates the share of throughput)",
  );
}
