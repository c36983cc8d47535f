// @ts-check
// What the shared cache (server/shared-cache.mjs) costs: the article page rendered after an
// invalidation, and read from Next.js' cache without one, by two servers on one database, one
// keeping Next.js' caches on its own (file system and memory) and one in Redis. The in-process
// page cache is off on both, so every request reaches Next.js and its cache handler. The two are
// asked alternately, one request at a time, so the machine's other load falls on both.
import { benchTarget } from "./bench-server.mjs";
import { rawGet } from "./bench-wrk.mjs";
import { step } from "./run.mjs";

const ROUNDS = 50;

/** @param {number[]} values @param {number} p */
const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};
const fmt = (/** @type {number} */ n) => (Number.isFinite(n) ? n.toFixed(1) : "-");

/**
 * @param {{ database: string, article: { path: string, tags: string[] }, redisUrl: string }} o
 */
export async function measureMissCost({ database, article, redisUrl }) {
  const common = { BYLINE_PAGE_CACHE: "0" };
  step("bench", "cache-miss cost: one server with Next.js' own cache, one with Redis");
  const own = await benchTarget({
    database,
    env: { ...common, BYLINE_SHARED_CACHE: "off" },
    logName: "bench-miss-own.log",
  });
  const shared = await benchTarget({
    database,
    env: { ...common, REDIS_URL: redisUrl },
    logName: "bench-miss-redis.log",
  });
  try {
    const servers = { own, shared };
    /** @type {Record<string, { miss: number[], hit: number[], statuses: Set<number> }>} */
    const out = {
      own: { miss: [], hit: [], statuses: new Set() },
      shared: { miss: [], hit: [], statuses: new Set() },
    };
    const timed = async (/** @type {"own" | "shared"} */ name, /** @type {"miss" | "hit"} */ kind) => {
      const t0 = performance.now();
      const res = await rawGet(`${servers[name].base}${article.path}`, { "accept-encoding": "gzip, br" });
      out[name][kind].push(performance.now() - t0);
      out[name].statuses.add(res.status);
    };
    // each renders the page once into its cache before anything is measured
    for (const name of /** @type {const} */ (["own", "shared"]))
      for (let i = 0; i < 3; i++) await timed(name, "hit");
    for (const name of /** @type {const} */ (["own", "shared"])) out[name].hit.length = 0;
    for (let i = 0; i < ROUNDS; i++)
      for (const name of /** @type {const} */ (["own", "shared"])) {
        await servers[name].invalidate?.(article.tags);
        await timed(name, "miss");
        await timed(name, "hit");
      }
    console.log(
      `\nNext.js' cache in Redis against its own (file system and memory): article ${article.path}, ${ROUNDS} rounds, in-process page cache off, the two servers asked alternately`,
    );
    console.log(
      "                                   own p50   own p90   Redis p50   Redis p90   Redis − own (p50)",
    );
    for (const [label, kind] of /** @type {const} */ ([
      ["after an invalidation (a render)", "miss"],
      ["no invalidation (read from cache)", "hit"],
    ])) {
      const a = out.own[kind];
      const b = out.shared[kind];
      console.log(
        [
          label.padEnd(34),
          fmt(pct(a, 0.5)).padStart(8),
          fmt(pct(a, 0.9)).padStart(10),
          fmt(pct(b, 0.5)).padStart(12),
          fmt(pct(b, 0.9)).padStart(12),
          `${pct(b, 0.5) - pct(a, 0.5) >= 0 ? "+" : ""}${fmt(pct(b, 0.5) - pct(a, 0.5))} ms`.padStart(20),
        ].join(""),
      );
    }
    console.log(
      `statuses: own ${[...out.own.statuses].join(",")}, Redis ${[...out.shared.statuses].join(",")}`,
    );
  } finally {
    await own.stop();
    await shared.stop();
  }
}
