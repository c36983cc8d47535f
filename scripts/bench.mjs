#!/usr/bin/env node
// npm run bench: one table, one run. Article (1,500 characters), home, category and search pages,
// each (a) from the Byline server alone, (b) through deploy/nginx.conf in front of it, (c) from
// nginx serving the very same bytes from disk (the limit of this machine); with and without
// `Accept-Encoding: gzip, br`. Then the article's render time after an invalidation and the cost
// of the view beacon. The server: BASE_URL, else one the bench starts (scripts/lib/bench-server.mjs).
// Needs wrk and nginx (Debian: apt-get install wrk nginx-light). Prints figures; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchArticle, benchTarget } from "./lib/bench-server.mjs";
import { machineLoad, rawGet, requireTools, staticNginx, wrk, wrkArgs } from "./lib/bench-wrk.mjs";
import { startFront } from "./lib/nginx-front.mjs";
import { countingCost } from "./lib/bench-view-count.mjs";
import { step } from "./lib/run.mjs";

const ENCODED = "gzip, br";
/** Runs of each measurement in the beacon section (BENCH_REPEAT), alternated; the median is shown. */
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
/** The run with the median requests/s. */
const median = (runs) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor((runs.length - 1) / 2)];
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
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
  // BENCH_ONLY=beacon: the view beacon's cost alone (the page warmed first)
  if (process.env.BENCH_ONLY === "beacon") {
    for (let i = 0; i < 3; i++)
      await rawGet(`${server.base}${pages.article}`, { "accept-encoding": ENCODED });
    return beaconCost(server, pages.article);
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
  await missRenders(server, pages.article, article);
  await beaconCost(server, pages.article);
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
 * A reader's wrk script: the page, then the POST its client code sends (view-count.tsx), as a
 * browser (a Chrome user agent, Sec-Fetch-Site) that is a new visitor every time (its own
 * bl_vid cookie), so every beacon counts: the most a beacon can cost. `beacon`: null for pages only.
 */
function readerScript(dir, articlePath, beacon, site) {
  const script = path.join(dir, `reader-${fs.readdirSync(dir).length}.lua`);
  fs.writeFileSync(
    script,
    `local n = 0
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
request = function()
  n = n + 1
  local page = ${JSON.stringify(articlePath)}
  local ua = ${JSON.stringify(CHROME)}
  if ${beacon ? "n % 2 == 1" : "true"} then return wrk.format("GET", page, { ["Accept-Encoding"] = "${ENCODED}", ["User-Agent"] = ua }) end
  local visitor = string.format("b%02d%019d", id or 0, n)
  return wrk.format("POST", ${JSON.stringify(beacon ?? "")}, {
    ["Origin"] = ${JSON.stringify(site)}, ["Sec-Fetch-Site"] = "same-origin", ["User-Agent"] = ua,
    ["Cookie"] = "bl_vid=" .. visitor, ["Content-Length"] = "0" })
end
`,
  );
  return script;
}

/**
 * Pages/s of the article alone against pages/s when every page is followed by its view beacon:
 * (a) the Byline server alone, (b) through deploy/nginx.conf, and (d) the floor of any design
 * with one request per view: nginx answering both from memory and disk (the page's bytes from
 * disk, the beacon with `return 204` and a buffered access log), no application at all.
 */
async function beaconCost(server, articlePath) {
  const publicId = articlePath.split("/").pop();
  const beacon = `/api/views/${publicId}`;
  const post = (base, site) =>
    fetch(`${base}${beacon}`, {
      method: "POST",
      headers: { origin: site, "user-agent": CHROME, "sec-fetch-site": "same-origin" },
    });
  const check = await post(server.base, server.site);
  const checkBody = await check.text();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-beacon-"));
  const pagesOnly = readerScript(dir, articlePath, null, server.site);
  const readers = readerScript(dir, articlePath, beacon, server.site);
  const front = await startFront({ upstream: new URL(server.base).host });
  const disk = await staticNginx({ beaconLog: path.join(dir, "beacons.log") });
  const logged = await staticNginx({ viewLog: path.join(dir, "views.log") });
  const rows = [];
  try {
    const page = await rawGet(`${server.base}${articlePath}`, { "accept-encoding": ENCODED });
    const file = disk.put("article-enc", page.body, page.headers["content-encoding"]);
    const fileUrl = new URL(file);
    const nginxReaders = readerScript(dir, fileUrl.pathname, beacon, server.site);
    for (const [who, base, pagePath, script] of [
      ["(a) byline", server.base, articlePath, readers],
      ["(b) nginx front", front.url, articlePath, readers],
      ["(d) nginx 204", fileUrl.origin, fileUrl.pathname, nginxReaders],
    ]) {
      step("bench", `view beacon ${who}`);
      const aloneScript = who.startsWith("(d)")
        ? readerScript(dir, fileUrl.pathname, null, server.site)
        : pagesOnly;
      const alone = [];
      const withBeacon = [];
      // alternated, BENCH_REPEAT times: on a shared machine the load drifts between runs
      for (let i = 0; i < REPEAT; i++) {
        alone.push(await wrk(`${base}${pagePath}`, { script: aloneScript }));
        withBeacon.push(await wrk(`${base}${pagePath}`, { script }));
      }
      const w = median(withBeacon);
      rows.push({ who, alone: median(alone), withBeacon: w, pages: w.rps / 2 });
    }
    // (e) no beacon: the page request is the view, logged by the front for the app to count
    // (docs/request-path.md, "The view beacon"); against (d)'s pages with no log at all
    step("bench", "view beacon (e) page logged");
    const loggedFile = new URL(logged.put("article-enc", page.body, page.headers["content-encoding"]));
    const unlogged = [];
    const pagesLogged = [];
    for (let i = 0; i < REPEAT; i++) {
      unlogged.push(await wrk(file, { script: readerScript(dir, fileUrl.pathname, null, server.site) }));
      pagesLogged.push(
        await wrk(loggedFile.href, { script: readerScript(dir, loggedFile.pathname, null, server.site) }),
      );
    }
    const l = median(pagesLogged);
    rows.push({ who: "(e) nginx, logged", alone: median(unlogged), withBeacon: l, pages: l.rps });
  } finally {
    disk.stop();
    logged.stop();
    await front.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nview beacon: POST ${beacon} answered ${check.status} ${checkBody.slice(0, 60)}; ${wrkArgs}, gzip,br;` +
      ` every beacon a new visitor with a browser's user agent (counted); median of ${REPEAT} alternated run(s)`,
  );
  console.log("server            pages/s alone  p99 ms   pages/s with view    p99 ms  errors  view cost");
  for (const r of rows) {
    console.log(
      [
        r.who.padEnd(18),
        fmt(r.alone.rps, 0).padStart(13),
        fmt(r.alone.p99, 2).padStart(8),
        fmt(r.pages, 0).padStart(21),
        fmt(r.withBeacon.p99, 2).padStart(8),
        String(r.alone.errors + r.withBeacon.errors).padStart(8),
        `${fmt((1 - r.pages / r.alone.rps) * 100)} %`.padStart(13),
      ].join(""),
    );
  }
  const { perView, lines } = await countingCost();
  const e = rows[rows.length - 1];
  console.log(
    `counting a logged view in Node (parse the line, isBot, visitor id, once per window, add): ${fmt(perView, 2)} µs ` +
      `(${lines.toLocaleString("en")} lines); at (e)'s ${fmt(e.pages, 0)} pages/s that is ${fmt((perView * e.pages) / 1e4, 1)} % of one core`,
  );
}
