#!/usr/bin/env node
// What the front's view line costs nginx, counted in instructions: npm run bench:view-instructions
// counts the server's; this counts deploy/nginx.conf's. Two fronts before the same Byline server,
// each nginx one process under valgrind's callgrind: one without a view log (an article page's
// request is a line of the site's access log, the `byline` format), one with it (byline/views.conf:
// the line is the view log's, the `byline_article` format, the access line with a view's fields,
// instead). So what is counted is what views add to the line a page pays for anyway. Both answer from their
// micro-cache; the same requests (an article page as a browser opens it, a new visitor each) go to
// both in alternated batches, each batch's counters zeroed and dumped with callgrind_control.
// nginx compiles nothing at run time: the counts repeat to a few instructions in a thousand.
//
//   BENCH_PAIRS (3), BENCH_PAGES (4000) per batch; BENCH_HEADERS=chrome: every header Chrome
//   sends, not only those that decide the answer (unasked: Chrome's for a navigation the reader
//   did not make); BENCH_KEEP=<folder>: keeps each batch's dump there (`<n>-with`, `<n>-without`),
//   for callgrind_annotate. Needs valgrind and nginx (Debian: valgrind, nginx-light) and a production
//   build (npm run build).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { benchArticle, benchTarget } from "./lib/bench-server.mjs";
import { createPageSender } from "./lib/bench-pages.mjs";
import { benchHeaders, benchSetting, machineLoad, quartiles, requireTools } from "./lib/bench-wrk.mjs";
import { startFront } from "./lib/nginx-front.mjs";
import { step } from "./lib/run.mjs";

const exec = promisify(execFile);
const HEADERS = benchHeaders();
const PAIRS = benchSetting("BENCH_PAIRS", 3, 1);
const PAGES = benchSetting("BENCH_PAGES", 4000, 100);
const CONNECTIONS = 10;

await requireTools(["valgrind", "callgrind_control", "nginx"]);
const load = machineLoad("valgrind's counts do not depend on it");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-front-instructions-"));
const server = await benchTarget({ logName: "bench-front-instructions-server.log" });

// the front decides what is a view: the requests say nothing of it
const { pages, resets } = createPageSender({ connections: CONNECTIONS, headers: HEADERS });

/** @type {Awaited<ReturnType<typeof startFront>>[]} */
const fronts = [];
try {
  if (!server.databaseUrl) throw new Error("needs the bench's own server: unset BASE_URL");
  const article = await benchArticle(server.databaseUrl);
  const upstream = new URL(server.base).host;
  /** A front under callgrind, counting off until asked; its dumps go to its own folder. */
  const front = async (/** @type {string} */ name, /** @type {boolean} */ logs) => {
    const out = path.join(dir, name);
    fs.mkdirSync(out);
    const f = await startFront({
      upstream,
      workers: 1,
      // a folder no counter reads: what is measured is the line, not its counting
      viewLog: logs ? path.join(out, "views", "front.log") : null,
      launcher: [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        "--dump-line=no",
        `--callgrind-out-file=${path.join(out, "callgrind.out")}`,
      ],
    });
    fronts.push(f);
    return { name, url: `${f.url}${article.path}`, pid: f.pid, out };
  };
  step("bench", "two fronts under callgrind: without and with the view log");
  const without = await front("without", false);
  const withView = await front("with", true);
  /** Instructions per page of one batch. */
  const counted = async (/** @type {Awaited<ReturnType<typeof front>>} */ f) => {
    const control = (/** @type {string[]} */ args) =>
      exec("callgrind_control", [...args, String(f.pid)], { timeout: 120_000 });
    for (const file of fs.readdirSync(f.out))
      if (file.startsWith("callgrind.out")) fs.rmSync(path.join(f.out, file));
    await control(["--instr=on"]);
    await control(["--zero"]);
    await pages(f.url, PAGES, undefined);
    await control(["--dump"]);
    await control(["--instr=off"]);
    const dumps = fs.readdirSync(f.out).filter((file) => /^callgrind\.out\.\d+$/.test(file));
    if (dumps.length !== 1) throw new Error(`${f.name}: ${dumps.length} dumps, not 1`);
    const totals = /^(?:totals|summary): (\d+)/m.exec(
      fs.readFileSync(path.join(f.out, dumps[0] ?? ""), "utf8"),
    );
    if (!totals) throw new Error(`${f.name}: no totals in its dump`);
    if (process.env.BENCH_KEEP) {
      const keep = path.join(process.env.BENCH_KEEP, `${++kept}-${f.name}`);
      fs.mkdirSync(keep, { recursive: true });
      fs.copyFileSync(path.join(f.out, dumps[0] ?? ""), path.join(keep, "callgrind.out"));
    }
    return Number(totals[1]) / PAGES;
  };
  let kept = 0;
  // warm: each front's micro-cache holds the page, its connections to the app are open
  for (const f of [without, withView]) await pages(f.url, 500, undefined);
  const pairs = [];
  for (let i = 0; i < PAIRS; i++) {
    // the order alternates, so a drift (the micro-cache's refreshes) biases neither kind
    const [a, b] = i % 2 === 0 ? [without, withView] : [withView, without];
    const first = await counted(a);
    const second = await counted(b);
    pairs.push(a === without ? { without: first, with: second } : { without: second, with: first });
    step("bench", `pair ${i + 1}: ${Math.round(pairs[i].without)} / ${Math.round(pairs[i].with)}`);
  }
  const n = (/** @type {number} */ x) => Math.round(x).toLocaleString("en");
  console.log(
    `\nthe front's view log, instructions (valgrind --tool=callgrind, nginx as one process): GET ${article.path} as a browser opens it, a new visitor each, from the micro-cache; ${PAIRS} alternated pairs of ${PAGES} pages over ${CONNECTIONS} connections; per page`,
  );
  console.log("pair   without view log   with view log   the line   share of a page with its line");
  pairs.forEach((p, i) =>
    console.log(
      [
        String(i + 1).padEnd(7),
        n(p.without).padStart(16),
        n(p.with).padStart(16),
        n(p.with - p.without).padStart(11),
        `${(((p.with - p.without) / p.with) * 100).toFixed(2)} %`.padStart(32),
      ].join(""),
    ),
  );
  // glibc's allocator alone moves a pair by a few hundred instructions either way (its free lists
  // differ between the two processes): the median of the pairs is the figure, their range its spread
  const shares = pairs.map((p) => ((p.with - p.without) / p.with) * 100);
  const { median } = quartiles(shares);
  console.log(
    `median share ${median.toFixed(2)} % (range ${Math.min(...shares).toFixed(2)} to ${Math.max(...shares).toFixed(2)} %)`,
  );
  // a reset request is sent again within its batch: its instructions are counted to the batch
  console.log(`${resets()} request(s) sent again after a connection reset`);
  load.report();
} finally {
  for (const f of fronts) await f.stop();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
