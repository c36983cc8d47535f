#!/usr/bin/env node
// What the front's view line costs in time: npm run bench:front-view-instructions counts nginx's
// own instructions; this measures what a page costs the machine with the kernel's part (the
// socket reads and writes, the log's write), which instructions in nginx do not see. Two fronts on
// deploy/nginx.conf before the same Byline server, one nginx worker each, pinned to CPU 0 and wrk to
// CPU 1: one without the view log, one with it; many short wrk runs of the article as browsers open
// it (a new visitor each request, every one a view), alternated, the cost taken per pair. Prints
// the worker's CPU µs per page (user + system, Linux /proc) and pages/s; medians and quartiles of
// the per-pair differences. Both fronts answer from their micro-cache.
//
//   BENCH_PAIRS (20), BENCH_DURATION (2) seconds per run; BENCH_PIN=0: unpinned. Needs wrk, nginx,
//   taskset (Debian: wrk, nginx-light, util-linux) and a production build (npm run build).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { benchArticle, benchTarget } from "./lib/bench-server.mjs";
import {
  benchSetting,
  machineLoad,
  quartiles,
  readerScripts,
  requireTools,
  shortWrk,
} from "./lib/bench-wrk.mjs";
import { startFront } from "./lib/nginx-front.mjs";
import { canMeasureCpu, childrenOf, cpuSeconds } from "./lib/proc-cpu.mjs";
import { step } from "./lib/run.mjs";

const exec = promisify(execFile);
const PAIRS = benchSetting("BENCH_PAIRS", 20, 2);
const SECONDS = benchSetting("BENCH_DURATION", 2, 1);
const PIN = process.env.BENCH_PIN !== "0";

await requireTools(PIN ? ["wrk", "nginx", "taskset"] : ["wrk", "nginx"]);
if (!canMeasureCpu()) throw new Error("this bench reads CPU time from /proc: Linux only");
const load = machineLoad("other work shared the CPU, the quartiles are wide");
const server = await benchTarget({ logName: "bench-front-view-log-server.log" });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-front-view-log-"));
/** @type {Awaited<ReturnType<typeof startFront>>[]} */
const fronts = [];
const script = readerScripts(dir);

try {
  if (!server.databaseUrl) throw new Error("needs the bench's own server: unset BASE_URL");
  const article = await benchArticle(server.databaseUrl);
  const upstream = new URL(server.base).host;
  /** A front with one worker, pinned; its worker's pid. */
  const front = async (/** @type {string} */ name, /** @type {boolean} */ logs) => {
    const f = await startFront({
      upstream,
      workers: 1,
      // a folder no counter reads: what is measured is the line, not its counting
      viewLog: logs ? path.join(dir, name, "front.log") : null,
    });
    fronts.push(f);
    // the master's children are its worker and the cache's manager and loader
    const worker = childrenOf(f.pid).find((pid) =>
      fs.readFileSync(`/proc/${pid}/cmdline`, "latin1").includes("worker process"),
    );
    if (!worker) throw new Error(`${name}: nginx started no worker`);
    if (PIN) await exec("taskset", ["-p", "-c", "0", String(worker)]);
    return { name, url: `${f.url}${article.path}`, worker };
  };
  const kinds = [await front("without", false), await front("with", true)];
  for (const k of kinds)
    for (let i = 0; i < 3; i++) await fetch(k.url, { headers: { "accept-encoding": "gzip, br" } });
  /** @type {Record<string, { rps: number, us: number }[]>} */
  const runs = { without: [], with: [] };
  step("bench", `${PAIRS} alternated pairs of ${SECONDS} s runs`);
  for (let i = 0; i < PAIRS; i++) {
    // the order alternates within pairs, so a drift biases neither kind
    for (const k of i % 2 === 0 ? kinds : [...kinds].reverse()) {
      const cpu = () => cpuSeconds({ w: [k.worker] }).w ?? 0;
      const c0 = cpu();
      const requests = await shortWrk({
        url: k.url,
        script: script(article.path, false),
        seconds: SECONDS,
        pin: PIN,
      });
      const spent = cpu() - c0;
      runs[k.name]?.push({ rps: requests / SECONDS, us: (spent / requests) * 1e6 });
    }
  }
  const a = runs.without ?? [];
  const b = runs.with ?? [];
  const us = quartiles(a.map((x, i) => (b[i]?.us ?? NaN) - x.us));
  const share = quartiles(a.map((x, i) => ((b[i]?.us ?? NaN) - x.us) / (b[i]?.us ?? NaN)));
  const cost = quartiles(a.map((x, i) => 1 - (b[i]?.rps ?? NaN) / x.rps));
  const fmt = (/** @type {number} */ n, d = 1) => n.toFixed(d);
  console.log(
    `\nthe front's view log, in time: GET ${article.path} as a browser opens it (a new visitor each), from the micro-cache, wrk -t2 -c50, ${PAIRS} alternated pairs of ${SECONDS} s runs${PIN ? ", nginx's one worker pinned to CPU 0 and wrk to CPU 1" : ""}; per pair: median (quartiles)`,
  );
  console.log(
    `nginx CPU µs/page without ${fmt(quartiles(a.map((x) => x.us)).median, 2)}, with ${fmt(quartiles(b.map((x) => x.us)).median, 2)}`,
  );
  console.log(
    `the line: ${fmt(us.median, 2)} µs (${fmt(us.q1, 2)} to ${fmt(us.q3, 2)}), ${fmt(share.median * 100)} % of nginx's CPU for a page with it (${fmt(share.q1 * 100)} to ${fmt(share.q3 * 100)} %)`,
  );
  console.log(
    `pages/s without ${fmt(quartiles(a.map((x) => x.rps)).median, 0)}, with ${fmt(quartiles(b.map((x) => x.rps)).median, 0)}: cost ${fmt(cost.median * 100)} % (${fmt(cost.q1 * 100)} to ${fmt(cost.q3 * 100)} %)`,
  );
  load.report();
} finally {
  for (const f of fronts) await f.stop();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
