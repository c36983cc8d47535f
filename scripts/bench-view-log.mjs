// What logging a view costs the server alone, measured tighter than `npm run bench`'s views section:
// many short wrk runs of the article as browsers open it (a new visitor each request), each run
// without its view logged (the request says the front logged it) next to one with it, and the
// cost taken per pair, since this machine's speed drifts between runs by more than the cost. Also
// each pair with the view counter stopped (SIGSTOP), which separates what the writer costs from
// what a counter running beside the server costs. Prints CPU µs per page of the server (Linux
// /proc) and pages/s; medians and quartiles of the per-pair differences.
//
//   BENCH_PAIRS (20), BENCH_DURATION (2s) per run; the bench's own server (scripts/lib/bench-server.mjs).
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
import { canMeasureCpu, childrenOf, cpuSeconds } from "./lib/proc-cpu.mjs";
import { step } from "./lib/run.mjs";

const exec = promisify(execFile);
const PAIRS = benchSetting("BENCH_PAIRS", 20, 2);
// the server on CPU 0, wrk on CPU 1 (BENCH_PIN=0: where the scheduler puts them): the two then
// do not trade places mid-run, which made the quartiles of the cost about twice as wide
const PIN = process.env.BENCH_PIN !== "0";
const SECONDS = Number.parseFloat(process.env.BENCH_DURATION ?? "2");

await requireTools(PIN ? ["wrk", "taskset"] : ["wrk"]);
if (!canMeasureCpu()) throw new Error("this bench reads CPU time from /proc: Linux only");
const load = machineLoad("other work shared the CPU, the quartiles are wide");
// one server process (the cost of a view per page is a process' own), pinned whole to one CPU
const server = await benchTarget({ env: { BYLINE_WORKERS: process.env.BYLINE_WORKERS ?? "1" } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-view-log-"));
/** (articlePath, logged): logged, the front says it logged the view */
const script = readerScripts(dir);

try {
  if (!server.databaseUrl || typeof server.pid !== "number")
    throw new Error("needs the bench's own server: unset BASE_URL");
  const article = await benchArticle(server.databaseUrl);
  await server.invalidate?.(article.tags);
  const url = `${server.base}${article.path}`;
  for (let i = 0; i < 3; i++) await fetch(url, { headers: { "accept-encoding": "gzip, br" } });
  // every thread of the server (its view counter, a child, is not pinned)
  if (PIN) await exec("taskset", ["-a", "-p", "-c", "0", String(server.pid)]);
  const [counter] = childrenOf(server.pid);
  if (!counter) throw new Error("the server runs no view counter (BYLINE_VIEW_COUNTER=0?)");
  // one read of /proc for both: the server's tree less its counter
  const serverCpu = () => {
    const t = cpuSeconds({ s: [/** @type {number} */ (server.pid)], c: [counter] });
    return (t.s ?? 0) - (t.c ?? 0);
  };
  /** @type {Record<string, { rps: number, us: number }[]>} */
  const runs = {};
  const kinds = [
    ["without", true, false],
    ["with", false, false],
    ["without, counter stopped", true, true],
    ["with, counter stopped", false, true],
  ];
  step("bench", `${PAIRS} pairs of ${SECONDS} s runs, twice (counter running, stopped)`);
  try {
    for (let i = 0; i < PAIRS; i++)
      for (const [name, logged, stopped] of kinds) {
        process.kill(counter, stopped ? "SIGSTOP" : "SIGCONT");
        const c0 = serverCpu();
        const requests = await shortWrk({
          url,
          script: script(article.path, logged),
          seconds: SECONDS,
          pin: PIN,
        });
        const spent = serverCpu() - c0;
        (runs[name] ??= []).push({ rps: requests / SECONDS, us: (spent / requests) * 1e6 });
      }
  } finally {
    process.kill(counter, "SIGCONT");
  }
  const fmt = (n, d = 1) => n.toFixed(d);
  console.log(
    `\nview log, the server alone: GET ${article.path} as a browser opens it, wrk -t2 -c50, ${PAIRS} alternated pairs of ${SECONDS} s runs${PIN ? ", the server pinned to CPU 0 and wrk to CPU 1" : ""}`,
  );
  console.log(
    "counter   CPU µs/page without  with  logging: median (quartiles)   pages/s cost: median (quartiles)",
  );
  for (const [without, withView, label] of [
    ["without", "with", "running"],
    ["without, counter stopped", "with, counter stopped", "stopped"],
  ]) {
    const a = runs[without] ?? [];
    const b = runs[withView] ?? [];
    const us = quartiles(a.map((x, i) => (b[i]?.us ?? NaN) - x.us));
    const cost = quartiles(a.map((x, i) => 1 - (b[i]?.rps ?? NaN) / x.rps));
    console.log(
      [
        label.padEnd(10),
        fmt(quartiles(a.map((x) => x.us)).median).padStart(18),
        fmt(quartiles(b.map((x) => x.us)).median).padStart(6),
        `${fmt(us.median, 2)} (${fmt(us.q1, 2)} to ${fmt(us.q3, 2)})`.padStart(30),
        `${fmt(cost.median * 100)} % (${fmt(cost.q1 * 100)} to ${fmt(cost.q3 * 100)} %)`.padStart(34),
      ].join(""),
    );
  }
  load.report();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await server.stop();
}
