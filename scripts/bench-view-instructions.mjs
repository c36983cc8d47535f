#!/usr/bin/env node
// What logging a view costs a page, counted in instructions rather than seconds: the server (one
// process) runs under valgrind's callgrind, which counts every instruction its threads execute,
// the same count for the same work whatever else the machine is doing. pages/s on this machine
// drift between runs by more than the cost (npm run bench:view-log measures it in seconds), so
// this is the figure that can tell 2 % from 4 %.
//
// The server starts uninstrumented (about 5 × slower, not 50 ×), readers warm it until its code is
// compiled, then counting is switched on (callgrind_control) and batches of BENCH_PAGES article
// pages as browsers open them (a new visitor each, so every view is logged) alternate with
// batches whose requests say the front logged them (X-Byline-View-Logged: the server logs nothing,
// the same page otherwise; the logged batches send a header of the same length the server ignores,
// since parsing one costs a page about 1,500 instructions). Each batch: counters zeroed, the pages sent over 4 connections, the
// counters dumped. Prints instructions per page of each kind and the difference per pair.
//
//   BENCH_PAIRS (6), BENCH_PAGES (2000) per batch, BENCH_WARM (20000) pages before counting (a
//   quarter of it before each later pair); BENCH_HEADERS=chrome: every header Chrome sends (unasked:
//   Chrome's for a navigation the reader did not make); BENCH_KEEP=<folder>: keeps each batch's
//   dumps there (`<n>-with`, `<n>-without`), for callgrind_annotate (BENCH_SERVER_NODE_ARGS=
//   --perf-basic-prof writes /tmp/perf-<pid>.map, which names the JIT's code addresses).
//   Needs valgrind (Debian: apt-get install valgrind) and a production build (npm run build).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { benchArticle, benchTarget } from "./lib/bench-server.mjs";
import { createPageSender } from "./lib/bench-pages.mjs";
import { benchHeaders, benchSetting, machineLoad, requireTools } from "./lib/bench-wrk.mjs";
import { step } from "./lib/run.mjs";

const exec = promisify(execFile);
const HEADERS = benchHeaders();
const PAIRS = benchSetting("BENCH_PAIRS", 6, 2);
const PAGES = benchSetting("BENCH_PAGES", 2000, 100);
const WARM = benchSetting("BENCH_WARM", 20_000, 0);
const CONNECTIONS = 4;

await requireTools(["valgrind", "callgrind_control"]);
const load = machineLoad("valgrind's counts do not depend on it");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-instructions-"));
const server = await benchTarget({
  // one process, no view counter: what is measured is the page's own path
  env: { BYLINE_WORKERS: "1", BYLINE_VIEW_COUNTER: "0" },
  logName: "bench-instructions-server.log",
  launcher: [
    "valgrind",
    "--tool=callgrind",
    "--instr-atstart=no",
    "--dump-line=no",
    // one file per thread: the main thread's count apart from the compiler's and the collector's
    // helpers, whose work lands in whichever batch they happen to run in
    "--separate-threads=yes",
    `--callgrind-out-file=${path.join(dir, "callgrind.%p")}`,
  ],
  startSeconds: 900,
});

const { pages, resets } = createPageSender({ connections: CONNECTIONS, headers: HEADERS });

/** callgrind_control on the server; the dump's total instructions. */
const control = (/** @type {string[]} */ args) =>
  exec("callgrind_control", [...args, String(server.pid)], { timeout: 120_000 });

let redone = 0;
let kept = 0;

/** Instructions per page of a batch of hits; a batch that met the entry's renewal is sent again. */
async function counted(/** @type {string} */ url, /** @type {boolean} */ logged) {
  // Pages of this kind first, uncounted: switching kinds sends the page's optimized code back to
  // the compiler (its type feedback saw the other kind's path), and that recompiling, a few
  // thousand instructions a page on the compiler's thread, is the alternation's, not a view's
  await pages(url, PAGES / 2, logged);
  for (;;) {
    await control(["--zero"]);
    if ((await pages(url, PAGES, logged)) === 0) break;
    if (++redone > PAIRS) throw new Error("too many batches met a render: is the page cache on?");
  }
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
  await control(["--dump"]);
  let main = NaN;
  let all = 0;
  for (const file of fs.readdirSync(dir)) {
    const totals = /^(?:totals|summary): (\d+)/m.exec(fs.readFileSync(path.join(dir, file), "utf8"));
    if (!totals) throw new Error(`no totals in ${file}`);
    all += Number(totals[1]);
    // callgrind.<pid>.<dump>-<thread>: thread 1 is JavaScript's
    if (file.endsWith("-01")) main = Number(totals[1]);
  }
  if (Number.isNaN(main)) throw new Error("callgrind wrote no dump of the main thread");
  if (process.env.BENCH_KEEP) {
    const keep = path.join(process.env.BENCH_KEEP, `${++kept}-${logged ? "without" : "with"}`);
    fs.mkdirSync(keep, { recursive: true });
    for (const file of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, file), path.join(keep, file));
  }
  return { main: main / PAGES, all: all / PAGES };
}

try {
  if (!server.databaseUrl || typeof server.pid !== "number")
    throw new Error("needs the bench's own server: unset BASE_URL");
  const article = await benchArticle(server.databaseUrl);
  const url = `${server.base}${article.path}`;
  /**
   * A page stored anew, then warm: under valgrind an hour of pages passes in minutes, so the page's
   * entry would expire mid-batch (a render, and the compiler busy after it); each pair starts
   * from a fresh entry instead, uncounted, with its code compiled again.
   * @param {number} warm pages sent before counting
   */
  const fresh = async (warm) => {
    await control(["--instr=off"]);
    await server.invalidate?.(article.tags);
    for (let i = 0; i < 3; i++) await fetch(url, { headers: { "accept-encoding": "gzip, br" } });
    await pages(url, warm / 2, true);
    await pages(url, warm / 2, false);
    await control(["--instr=on"]);
    // the first counted pages after switching on run through code valgrind translates anew
    await pages(url, PAGES / 4, true);
    await pages(url, PAGES / 4, false);
  };
  step("bench", `warming: ${WARM} pages, uninstrumented`);
  await fresh(WARM);
  step("bench", `${PAIRS} pairs of ${PAGES} pages, counted`);
  /** @type {{ without: { main: number, all: number }, with: { main: number, all: number } }[]} */
  const pairs = [];
  for (let i = 0; i < PAIRS; i++) {
    if (i > 0) await fresh(WARM / 4);
    // the order alternates, so a drift within the run biases neither kind
    const first = i % 2 === 0;
    const a = await counted(url, first);
    const b = await counted(url, !first);
    const pair = first ? { without: a, with: b } : { without: b, with: a };
    pairs.push(pair);
    step(
      "bench",
      `pair ${i + 1}: main thread ${Math.round(pair.without.main)} / ${Math.round(pair.with.main)}`,
    );
  }
  const sorted = (/** @type {number[]} */ v) => [...v].sort((x, y) => x - y);
  const mid = (/** @type {number[]} */ v) => sorted(v)[Math.floor((v.length - 1) / 2)] ?? NaN;
  const n = (/** @type {number} */ x) => Math.round(x).toLocaleString("en");
  const pct = (/** @type {number} */ x) => `${(x * 100).toFixed(2)} %`;
  console.log(
    `\nview log, instructions (valgrind --tool=callgrind, one server process): GET ${article.path} as a browser opens it, a new visitor each; ${PAIRS} alternated pairs of ${PAGES} pages over ${CONNECTIONS} connections; per page`,
  );
  console.log(
    "pair   main thread: without view   with view   logging     share   all threads: without      with   logging     share",
  );
  pairs.forEach((p, i) =>
    console.log(
      [
        String(i + 1).padEnd(7),
        n(p.without.main).padStart(26),
        n(p.with.main).padStart(12),
        n(p.with.main - p.without.main).padStart(10),
        pct((p.with.main - p.without.main) / p.with.main).padStart(10),
        n(p.without.all).padStart(23),
        n(p.with.all).padStart(10),
        n(p.with.all - p.without.all).padStart(10),
        pct((p.with.all - p.without.all) / p.with.all).padStart(10),
      ].join(""),
    ),
  );
  console.log(
    `${redone} batch(es) sent again: a page rendered anew during them; ${resets()} request(s) sent again after a connection reset`,
  );
  for (const which of /** @type {const} */ (["main", "all"])) {
    const shares = sorted(pairs.map((p) => (p.with[which] - p.without[which]) / p.with[which]));
    console.log(
      `median, ${which === "main" ? "main thread" : "all threads (with the compiler's and the collector's helpers)"}: logging ${n(mid(pairs.map((p) => p.with[which] - p.without[which])))} instructions of ${n(mid(pairs.map((p) => p.with[which])))} a page, ${pct(mid(shares))} (range ${pct(shares[0] ?? NaN)} to ${pct(shares[shares.length - 1] ?? NaN)})`,
    );
  }
  // A batch the collector or the compiler happened to work in (a full collection, code sent back to
  // be optimized again) moves by tens of thousands of instructions a page, in either kind, far more
  // than a view costs, and takes its pair's difference with it; the median of each kind's batches,
  // unpaired, is what such a batch moves least (the order alternates, so a drift biases neither)
  const median = (/** @type {number[]} */ v) => {
    const s = sorted(v);
    const h = s.length >> 1;
    return s.length % 2 ? (s[h] ?? NaN) : ((s[h - 1] ?? NaN) + (s[h] ?? NaN)) / 2;
  };
  for (const which of /** @type {const} */ (["main", "all"])) {
    const without = median(pairs.map((p) => p.without[which]));
    const withView = median(pairs.map((p) => p.with[which]));
    console.log(
      `medians of each kind's ${PAIRS} batches, ${which === "main" ? "main thread" : "all threads"}: without ${n(without)}, with ${n(withView)}: logging ${n(withView - without)} instructions a page, ${pct((withView - without) / withView)}`,
    );
  }
  load.report();
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
