#!/usr/bin/env node
// npm run bench:instances (issue 15): the article (1,500 characters) and the home page through the
// shipped front, with one app instance and with two (scripts/lib/topology.mjs), on this machine:
// req/s, p50, p99 and the ratio two/one. Three kinds of request, all with `Accept-Encoding: gzip, br`:
//   cached  an anonymous reader, what the front is for: its 1-second micro-cache answers nearly all
//           of them, and each page reaches an instance about once a second
//   app     past the front's cache, answered from the instances' page cache: an empty session
//           cookie (`authjs.session-token=`). The front treats the cookie's name as signed in and
//           neither reads nor stores its cache; the app needs a value, so its page cache answers
//   render  past every cache: a session cookie whose value is no session. Next.js renders every
//           request (what a signed-in reader costs, less the session's database check)
// Then the cache-miss cost of Next.js' cache in Redis (scripts/lib/bench-miss-cost.mjs). Each
// topology shares a Redis (REDIS_URL, else one of its own; scripts/lib/topology.mjs).
// Both topologies run at once on one database (`byline_bench_instances`, the demo seed) and are
// measured alternately, so a change in the machine's other load falls on both. Needs wrk, nginx
// (apt-get install wrk nginx-light) and a production build (npm run build, or NEXT_DIST_DIR).
// Prints figures; asserts nothing.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { measureMissCost } from "./lib/bench-miss-cost.mjs";
import { benchArticle } from "./lib/bench-server.mjs";
import { machineLoad, rawGet, requireTools, wrk, wrkArgs } from "./lib/bench-wrk.mjs";
import { migrate, resolveDatabase, seed } from "./lib/database.mjs";
import { createDatabaseIfMissing, withDatabase } from "./lib/embedded-pg.mjs";
import { root, step } from "./lib/run.mjs";
import { startRedisServer } from "./lib/redis-server.mjs";
import { startTopology } from "./lib/topology.mjs";

const DATABASE = "byline_bench_instances";
const ENCODED = "gzip, br";
const KINDS = /** @type {const} */ ({
  cached: [],
  app: ["Cookie: authjs.session-token="],
  render: ["Cookie: authjs.session-token=bench-not-a-session"],
});
const fmt = (/** @type {number} */ n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

await requireTools(["wrk", "nginx"]);
const machine = machineLoad();
const server = await resolveDatabase({ log: () => {} });
const topologies = [];
try {
  await createDatabaseIfMissing(server.serverUrl ?? server.url, DATABASE);
  const databaseUrl = withDatabase(server.serverUrl ?? server.url, DATABASE);
  step("bench", `database ${DATABASE}: migrations, demo seed (idempotent)`);
  const uploads = path.join(root, ".data", "bench-uploads");
  await migrate(databaseUrl, ["deploy"], { quiet: true });
  await seed(databaseUrl, { quiet: true, env: { UPLOAD_DIR: uploads } });
  const article = await benchArticle(databaseUrl);
  const env = {
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: uploads,
    BYLINE_DEMO: "1",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    BYLINE_SOURCE_CHECK: "off",
    LOG_LEVEL: "warn",
  };
  // --miss-only: the cache-miss cost alone (a minute instead of five)
  if (!process.argv.includes("--miss-only")) {
    for (const n of [1, 2]) {
      step("bench", `topology with ${n} instance(s)`);
      topologies.push(
        await startTopology({
          instances: n,
          names: Array.from({ length: n }, (_, i) => `bench-${n}of-${i + 1}`),
          env,
          migrate: false,
          seed: false,
          build: false,
          logFile: (name) => path.join(root, ".data", `bench-instances-${name}.log`),
          log: (m) => step("bench", m),
        }),
      );
    }
    const pages = { article: article.path, home: "/" };
    await warm(topologies, Object.values(pages));
    const rows = [];
    for (const [page, p] of Object.entries(pages))
      for (const [kind, extra] of Object.entries(KINDS)) {
        const headers = [`Accept-Encoding: ${ENCODED}`, ...extra];
        const row = { page, kind, runs: /** @type {any[]} */ ([]) };
        for (const topology of topologies) {
          step("bench", `${page} ${kind}, ${topology.instances.length} instance(s)`);
          const url = `${topology.front.url}${p}`;
          const ask = () => rawGet(url, Object.fromEntries(headers.map((h) => h.split(/:\s*/, 2))));
          const probe = await ask();
          const loadAt = os.loadavg()[0];
          const measured = await wrk(url, { headers });
          row.runs.push({ ...measured, probe, after: await ask(), loadAt });
        }
        rows.push(row);
      }
    printTable(rows);
    console.log(`article: ${article.path}, ${article.chars} characters of text (seeded articles joined)`);
  }
  // the topologies stop first: the miss cost is measured one request at a time on a quiet machine
  for (const t of topologies.splice(0)) await t.stop();
  const redis = process.env.REDIS_URL ? null : await startRedisServer();
  try {
    await measureMissCost({
      database: DATABASE,
      article,
      redisUrl: process.env.REDIS_URL ?? redis?.url ?? "",
    });
  } finally {
    await redis?.stop();
  }
} finally {
  for (const t of topologies) await t.stop();
  await server.stop();
}
machine.report();

/**
 * Every page once into each instance's page cache (anonymous, straight to the instance, both
 * encodings), so no measured request of the `app` kind waits for a render.
 * @param {Awaited<ReturnType<typeof startTopology>>[]} list @param {string[]} paths
 */
async function warm(list, paths) {
  for (const t of list)
    for (const i of t.instances)
      for (const p of paths)
        for (let k = 0; k < 3; k++) {
          const res = await rawGet(`${i.base}${p}`, k % 2 ? { "accept-encoding": ENCODED } : {});
          if (res.status !== 200) throw new Error(`${i.name} ${p}: HTTP ${res.status}`);
        }
}

/** @param {{ page: string, kind: string, runs: any[] }[]} rows */
function printTable(rows) {
  console.log(
    `\n${wrkArgs} through the front (deploy/nginx.conf), Accept-Encoding: ${ENCODED}; load: 1-minute load average at the start of the run`,
  );
  console.log(
    "page      request  instances    req/s   p50 ms   p99 ms  errors  load  status  front→app cache (before / after)   two/one req/s",
  );
  for (const r of rows) {
    r.runs.forEach((m, i) => {
      const cache = (/** @type {any} */ x) =>
        `${x.headers["x-cache-status"] ?? "-"}→${x.headers["x-byline-cache"] ?? "-"}`;
      console.log(
        [
          r.page.padEnd(10),
          r.kind.padEnd(9),
          String(i + 1).padStart(9),
          fmt(m.rps, 0).padStart(9),
          fmt(m.p50, 2).padStart(9),
          fmt(m.p99, 2).padStart(9),
          String(m.errors).padStart(8),
          fmt(m.loadAt, 1).padStart(6),
          String(m.probe.status).padStart(8),
          `  ${cache(m.probe)} / ${cache(m.after)}`.padEnd(36),
          i === 1 ? fmt(m.rps / r.runs[0].rps, 2).padStart(14) : "",
        ].join(""),
      );
    });
  }
}
