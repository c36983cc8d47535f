#!/usr/bin/env node
// npm run bench:lighthouse: Lighthouse 12 (mobile preset, its default: emulated phone, simulated
// slow 4G and 4× CPU) in Debian Chromium on the home page, the 1,500-character article and two
// references (scripts/lib/bare-next.mjs, scripts/lib/lighthouse-reference.mjs): a bare Next.js
// page (what the framework alone costs) and the same article with every script removed (what our
// markup and CSS alone cost), in rounds, each page once a round, BENCH_RUNS rounds (5); one table
// of medians, total blocking time also as a ratio to the bare page's, then the main thread's work
// by kind, its total also as a ratio to the bare page's, and the CPU slowdown Lighthouse's own
// calculator recommends for this machine's benchmark index (is 4× the phone it means?). The
// server: BASE_URL, else one the bench starts (see scripts/lib/bench-server.mjs). Chromium:
// CHROME_PATH, default /usr/bin/chromium. Prints figures.
// BENCH_CPU_SLOWDOWN (Lighthouse's 4): its simulated CPU slowdown; Lighthouse simulates from what
// it observes on this machine, so a machine half as fast (half the benchmark index printed below)
// reads about as this one does at twice the slowdown.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { throttling } from "lighthouse/core/config/constants.js";
import { bareNextTarget } from "./lib/bare-next.mjs";
import { benchArticle, benchTarget } from "./lib/bench-server.mjs";
import { benchSetting, machineLoad, quartiles } from "./lib/bench-wrk.mjs";
import { recommendedSlowdown, scriptFreePage } from "./lib/lighthouse-reference.mjs";
import { step } from "./lib/run.mjs";

const RUNS = benchSetting("BENCH_RUNS", 5, 1);
if (!Number.isInteger(RUNS)) throw new Error(`BENCH_RUNS must be a whole number: got ${RUNS}`);
const BARE = "bare Next.js";
const NO_SCRIPT = "article, no JS";
const SLOWDOWN = benchSetting("BENCH_CPU_SLOWDOWN", throttling.mobileSlow4G.cpuSlowdownMultiplier, 1);
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const median = (xs) => quartiles(xs).median;

/** A fresh headless Chromium per run, so no run inherits another's caches or compiled code. */
async function withChromium(fn) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "byline-lighthouse-"));
  const chrome = spawn(
    chromePath,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    // its own process group: Chromium's helper processes go with it
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  try {
    const port = await new Promise((resolve, reject) => {
      let err = "";
      chrome.stderr.on("data", (d) => {
        err += d;
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
        if (m) resolve(Number(m[1]));
      });
      chrome.once("exit", (code) =>
        reject(new Error(`${chromePath} exited with ${code}: ${err.slice(-500)}`)),
      );
    });
    return await fn(port);
  } finally {
    const exited = new Promise((r) =>
      chrome.exitCode !== null || chrome.signalCode ? r() : chrome.once("exit", r),
    );
    if (chrome.pid) process.kill(-chrome.pid, "SIGKILL");
    await exited;
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

/**
 * Lighthouse should see the page as readers do: a compressed HIT of the page cache. The first
 * requests may render the page (BYPASS, compressed on the fly), the next one stores it and is
 * answered identity (MISS), and an entry is stored again once its s-maxage (60 s) has passed:
 * a run that lands on a MISS measures 181 KB of HTML instead of 16 KB (FCP 2.2 s instead of
 * 1.1 s). So before each run, ask until a compressed HIT comes back (a server without that cache
 * sends no X-Byline-Cache: then any compressed answer will do; after 3 s, as it is).
 */
async function warm(url) {
  for (let i = 0; i < 30; i++) {
    const res = await fetch(url, { headers: { "accept-encoding": "br, gzip" } });
    await res.arrayBuffer();
    const cache = res.headers.get("x-byline-cache");
    if (res.headers.get("content-encoding") && (cache === null || cache === "HIT")) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Lighthouse's work groups, folded into the four this bench prints. */
const WORK_GROUPS = {
  scriptEvaluation: "script",
  scriptParseCompile: "script",
  styleLayout: "style+layout",
  paintCompositeRender: "style+layout",
  parseHTML: "parse",
};
const WORK_KINDS = ["script", "style+layout", "parse", "other"];

/** @param {any} details the mainthread-work-breakdown audit's table */
function mainThreadWork(details) {
  /** @type {Record<string, number>} */
  const work = Object.fromEntries(WORK_KINDS.map((k) => [k, 0]));
  for (const item of details?.items ?? []) {
    const kind = WORK_GROUPS[/** @type {keyof typeof WORK_GROUPS} */ (item.group)] ?? "other";
    work[kind] += Number(item.duration) || 0;
  }
  return { ...work, total: WORK_KINDS.reduce((sum, k) => sum + work[k], 0) };
}

async function audit(url) {
  const result = await withChromium((port) =>
    lighthouse(url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: SLOWDOWN },
    }),
  );
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const value = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    version: lhr.lighthouseVersion,
    performance: lhr.categories.performance?.score ?? NaN,
    accessibility: lhr.categories.accessibility?.score ?? NaN,
    lcp: value("largest-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    tbt: value("total-blocking-time"),
    // Lighthouse's own measure of this machine's speed: its simulated TBT scales with it
    benchmark: lhr.environment?.benchmarkIndex ?? NaN,
    // the main thread's work by kind (ms, at the simulated slowdown): unlike TBT it has no 50 ms
    // threshold, so it moves in proportion to the work a change adds or removes
    work: mainThreadWork(lhr.audits["mainthread-work-breakdown"]?.details),
    // what costs accessibility points, so a score under 1 names its cause
    a11yFailures: (lhr.categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
      .map((ref) => ref.id),
  };
}

/** Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART): that run again. */
async function auditOnce(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url);
    } catch (e) {
      if (attempt === 3 || !/^Lighthouse: /.test(String(e?.message))) throw e;
      step("lighthouse", `${String(e.message)}; again`);
      await warm(url);
    }
  }
}

const machine = machineLoad("total blocking time reads high");
const target = await benchTarget();
/** @type {Awaited<ReturnType<typeof bareNextTarget>> | undefined} */
let bare;
/** @type {Awaited<ReturnType<typeof scriptFreePage>> | undefined} */
let noScript;
/** @type {{ name: string, url: string, runs: Awaited<ReturnType<typeof audit>>[] }[]} */
let rows = [];
try {
  const home = await (await fetch(`${target.base}/`)).text();
  const articlePath = target.own
    ? (await benchArticle(target.databaseUrl)).path
    : (process.env.BENCH_ARTICLE ?? /href="(\/posts\/[^"?#]+)"/.exec(home)?.[1]);
  if (!articlePath) throw new Error("no article link on the home page");
  bare = await bareNextTarget();
  // the page-cache HIT readers get, with its scripts taken out once
  await warm(`${target.base}${articlePath}`);
  noScript = await scriptFreePage(target.base, articlePath);
  rows = [
    { name: "home", url: `${target.base}/`, runs: [] },
    { name: "article", url: `${target.base}${articlePath}`, runs: [] },
    { name: BARE, url: `${bare.base}/`, runs: [] },
    { name: NO_SCRIPT, url: noScript.url, runs: [] },
  ];
  // round by round, each page once a round: the machine's speed drifts within minutes (its
  // benchmark index moved 1,100-2,600 in one session), and every page meets the same drift
  for (let i = 1; i <= RUNS; i++) {
    for (const row of rows) {
      await warm(row.url);
      step("lighthouse", `${row.name} ${new URL(row.url).pathname}, run ${i} of ${RUNS}`);
      row.runs.push(await auditOnce(row.url));
    }
  }
  // the row must have measured the page without scripts, not the original passed through
  if (noScript.served() < RUNS)
    throw new Error(
      `${NO_SCRIPT}: the page without scripts was answered ${noScript.served()} times in ${RUNS} runs`,
    );
} finally {
  await noScript?.stop();
  await bare?.stop();
  await target.stop();
}

console.log(
  `\nLighthouse ${rows[0]?.runs[0]?.version} mobile preset (CPU slowdown ${SLOWDOWN}×), ${chromePath}, median of ${RUNS} runs\n`,
);
console.log(
  "page           performance  accessibility   LCP ms     CLS   TBT ms  TBT ÷ bare  performance per run",
);
const bareRuns = rows.find((r) => r.name === BARE)?.runs ?? [];
const bareTbt = median(bareRuns.map((r) => r.tbt));
for (const { name, runs } of rows) {
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(
    [
      name.padEnd(15),
      m("performance").toFixed(2).padStart(11),
      m("accessibility").toFixed(2).padStart(15),
      m("lcp").toFixed(0).padStart(9),
      m("cls").toFixed(3).padStart(8),
      m("tbt").toFixed(0).padStart(9),
      `${(m("tbt") / bareTbt).toFixed(2)} ×`.padStart(12),
      `  ${runs.map((r) => r.performance.toFixed(2)).join(" ")}`,
    ].join(""),
  );
}
console.log(
  `\nthe main thread's work (ms at ${SLOWDOWN}× slowdown, median of ${RUNS}; Lighthouse's mainthread-work-breakdown)`,
);
console.log(`page           ${WORK_KINDS.map((k) => k.padStart(13)).join("")}        total  total ÷ bare`);
const bareWork = median(bareRuns.map((r) => r.work.total));
for (const { name, runs } of rows) {
  const m = (k) => median(runs.map((r) => r.work[k]));
  console.log(
    [
      name.padEnd(15),
      ...WORK_KINDS.map((k) => m(k).toFixed(0).padStart(13)),
      m("total").toFixed(0).padStart(13),
      `${(m("total") / bareWork).toFixed(2)} ×`.padStart(14),
    ].join(""),
  );
}
for (const { name, runs } of rows.filter((r) => r.name !== BARE && r.name !== NO_SCRIPT)) {
  const ratios = runs.map((r, i) => (r.tbt / (bareRuns[i]?.tbt ?? NaN)).toFixed(2));
  console.log(`${name}: TBT ÷ the bare page's in the same round: ${ratios.join(" ")}`);
  const work = runs.map((r, i) => (r.work.total / (bareRuns[i]?.work.total ?? NaN)).toFixed(2));
  console.log(`${name}: main-thread work ÷ the bare page's in the same round: ${work.join(" ")}`);
}
console.log(
  `${BARE}: one server-rendered page and no code of ours, built with this repository's next ${bare?.version} (scripts/lib/bare-next.mjs): what any Next.js page reads on this machine`,
);
console.log(
  `${NO_SCRIPT}: the article's HTML as readers get it with every script and script preload removed (JSON-LD kept), the rest from the same server: what our markup and CSS cost with no JavaScript at all`,
);
const index = median(rows.flatMap((r) => r.runs.map((x) => x.benchmark)));
console.log(
  `Lighthouse's benchmark index of this machine (median): ${index.toFixed(0)}; the CPU slowdown Lighthouse's throttling calculator recommends for it: ${recommendedSlowdown(index).toFixed(1)}× (this run: ${SLOWDOWN}×; a recommendation above the run's slowdown means the run simulates a faster phone than the preset's, below it a slower one)`,
);
for (const { name, runs } of rows) {
  const failed = [...new Set(runs.flatMap((r) => r.a11yFailures))];
  if (failed.length) console.log(`${name}: accessibility audits failed: ${failed.join(", ")}`);
}
machine.report();
