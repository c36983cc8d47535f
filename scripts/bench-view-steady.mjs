#!/usr/bin/env node
// What logging a view costs a server beyond its own instructions: the collector's work (what a
// page allocates) and the compiler's (code optimized and deoptimized while pages are sent), in a
// steady stream of article pages. npm run bench:view-instructions counts the view's instructions;
// its helper threads' column scatters by compiler jobs and full collections that land in either
// kind's batches. This bench says whether any of that work is the view's: one server process,
// uninstrumented, with V8's own traces (--trace-gc-nvp prints the bytes allocated since the last
// collection at each one; --trace-opt and --trace-deopt each function optimized or sent back),
// warmed with both kinds, then BENCH_PHASES alternated phases of BENCH_PAGES pages without and
// with the view logged (X-Byline-View-Logged, as in bench:view-instructions: the same page, the
// same header's length), in the order without, with, with, without, … (each after a tenth of a
// phase of its kind, uncounted). Each phase's share of the server's log is read apart (its whole
// lines) and summed: bytes allocated a page (between the phase's first and last
// collections, at the phase's pages/s: allocatedPerPage), collections, their pauses, functions
// optimized and deoptimized, and the optimizing compiler's time.
//
//   BENCH_PHASES (6), BENCH_PAGES (50000) a phase, BENCH_WARM (20000) pages of each kind before;
//   BENCH_HEADERS as for bench:view-instructions. Needs a production build (npm run build).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPageSender } from "./lib/bench-pages.mjs";
import { benchArticle, benchTarget } from "./lib/bench-server.mjs";
import { benchHeaders, benchSetting, machineLoad, quartiles } from "./lib/bench-wrk.mjs";
import { root, step } from "./lib/run.mjs";
import { allocatedPerPage, readV8Trace } from "./lib/v8-trace.mjs";

const PHASES = benchSetting("BENCH_PHASES", 6, 2);
const PAGES = benchSetting("BENCH_PAGES", 50_000, 1000);
const WARM = benchSetting("BENCH_WARM", 20_000, 0);
const CONNECTIONS = 4;
const LOG = "bench-view-steady-server.log";

const load = machineLoad("the pauses are longer; the bytes and the functions are not");
const views = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-steady-"));
const server = await benchTarget({
  // one process, no view counter, a view log folder of its own
  env: { BYLINE_WORKERS: "1", BYLINE_VIEW_COUNTER: "0", VIEW_LOG_DIR: views },
  logName: LOG,
  nodeArgs: ["--trace-gc-nvp", "--trace-opt", "--trace-deopt"],
});
const log = path.join(root, ".data", LOG);
const { pages, resets } = createPageSender({ connections: CONNECTIONS, headers: benchHeaders() });

/**
 * The whole lines the server's log holds from `from` to its end: V8 writes a trace line in a few
 * writes, so a phase's first and last lines may be cut; a line that straddles a phase's edge is
 * left out of both phases (the allocation is taken between collections: it loses nothing).
 * @param {number} from
 */
function linesFrom(from) {
  const to = fs.statSync(log).size;
  const start = Math.max(0, from - 1);
  const bytes = Buffer.alloc(to - start);
  const fd = fs.openSync(log, "r");
  try {
    fs.readSync(fd, bytes, 0, bytes.length, start);
  } finally {
    fs.closeSync(fd);
  }
  // the first whole line: at `from` when the byte before it ends a line, else after the next newline
  const first = from === 0 ? 0 : bytes[0] === 0x0a ? 1 : bytes.indexOf(0x0a) + 1;
  const last = bytes.lastIndexOf(0x0a) + 1;
  return (from === 0 || first > 0) && first < last ? bytes.subarray(first, last).toString("utf8") : "";
}

try {
  if (!server.own) throw new Error("needs the bench's own server (V8's traces in its log): unset BASE_URL");
  const article = await benchArticle(/** @type {string} */ (server.databaseUrl));
  const url = `${server.base}${article.path}`;
  for (let i = 0; i < 3; i++) await fetch(url, { headers: { "accept-encoding": "gzip, br" } });
  step("bench", `warming: ${WARM} pages of each kind`);
  await pages(url, WARM, false);
  await pages(url, WARM, true);
  step("bench", `${PHASES} alternated phases of ${PAGES} pages`);
  /** @type {(ReturnType<typeof readV8Trace> & { logged: boolean, missed: number, ms: number, perPage: number })[]} */
  const phases = [];
  for (let i = 0; i < PHASES; i++) {
    // without, with, with, without, without, …: a drift over the run (the old space filling, the
    // compiler settling) weighs on both kinds alike
    const logged = ((i + 1) >> 1) % 2 === 0;
    // pages of this kind first, uncounted: what switching kinds sends back to the compiler is
    // the alternation's, not a view's
    await pages(url, PAGES / 10, logged);
    const from = fs.statSync(log).size;
    const started = performance.now();
    const missed = await pages(url, PAGES, logged);
    const ms = performance.now() - started;
    const trace = readV8Trace(linesFrom(from));
    phases.push({ ...trace, logged, missed, ms, perPage: allocatedPerPage(trace.each, PAGES, ms) });
  }

  const n = (/** @type {number} */ x, digits = 0) =>
    x.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // a phase with fewer than two collections has no figure (NaN): left out
  const median = (/** @type {number[]} */ v) => quartiles(v.filter(Number.isFinite)).median;
  console.log(
    `\nview log, steady traffic (one server process, uninstrumented; V8's --trace-gc-nvp, --trace-opt, --trace-deopt): GET ${article.path} as a browser opens it, a new visitor each; ${PHASES} alternated phases of ${PAGES} pages over ${CONNECTIONS} connections, after ${WARM} of each kind`,
  );
  console.log(
    "phase  view logged   pages/s  bytes allocated a page  collections  their pause ms  optimized  deoptimized  compiling ms  not from the page cache",
  );
  phases.forEach((p, i) =>
    console.log(
      [
        String(i + 1).padEnd(7),
        (p.logged ? "no (front)" : "yes").padEnd(13),
        n((PAGES * 1000) / p.ms).padStart(8),
        n(p.perPage).padStart(24),
        String(p.collections).padStart(13),
        n(p.pause, 1).padStart(16),
        String(p.optimized.length).padStart(11),
        String(p.deoptimized.length).padStart(13),
        n(p.compiling, 1).padStart(14),
        String(p.missed).padStart(25),
      ].join(""),
    ),
  );
  for (const [label, logged] of /** @type {const} */ ([
    ["without the view", true],
    ["with the view", false],
  ])) {
    const of = phases.filter((p) => p.logged === logged);
    console.log(`${label}, optimized: ${of.flatMap((p) => p.optimized).join(" ") || "nothing"}`);
    console.log(`${label}, deoptimized: ${of.flatMap((p) => p.deoptimized).join(" ") || "nothing"}`);
  }
  const per = (/** @type {boolean} */ logged, /** @type {(p: (typeof phases)[number]) => number} */ f) =>
    median(phases.filter((p) => p.logged === logged).map(f));
  const without = per(true, (p) => p.perPage);
  const withView = per(false, (p) => p.perPage);
  console.log(
    `medians of each kind's phases: allocated ${n(without)} bytes a page without the view, ${n(withView)} with it: the view ${n(withView - without)} bytes, ${((100 * (withView - without)) / without).toFixed(2)} %; collections ${per(true, (p) => p.collections)} and ${per(false, (p) => p.collections)} a phase`,
  );
  console.log(`${resets()} request(s) sent again after a connection reset`);
  load.report();
} finally {
  await server.stop();
  fs.rmSync(views, { recursive: true, force: true });
}
