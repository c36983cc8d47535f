// @ts-check
// Several server processes on one port (node:cluster), so one machine's cores all answer pages:
// one Node process sends about the same number of pages a second whatever their size, and on two
// cores it left half the machine to nginx's second worker (docs/request-path.md, "Workers").
//
// The primary runs no Next.js: it forks the workers (each a whole server: server/worker.mjs
// runs startServer), hands them connections (Node's round-robin), restarts one that stops
// unexpectedly, and carries what the workers must agree on: which worker renders a page the page
// cache misses (page-cache-peers.mjs), the Content API's per-address counts when there is no
// Redis (shared-window-counts.mjs) and the metrics of all of them (prom-client's AggregatorRegistry). Each worker is otherwise an instance like those of `npm run topology`:
// invalidations reach it over the PostgreSQL bus, its view log has files of its own.
import cluster from "node:cluster";
import os from "node:os";
import { fileURLToPath } from "node:url";
import client from "prom-client";
import { createPeerCoordinator } from "./page-cache-peers.mjs";
import { PRIMARY_ANSWER, VIEW_DEDUPE_REQUEST } from "./primary-requests.mjs";
import { createViewDedupe } from "../lib/services/views/view-dedupe.mjs";
import { COUNTS_REQUEST, createCountTotals } from "./shared-window-counts.mjs";

/** Messages between a worker and the primary (page-cache-peers.mjs has the page cache's). */
export const WORKER_LISTENING = "byline:listening";
export const METRICS_REQUEST = "byline:metrics";

/**
 * How many server processes: BYLINE_WORKERS (1 = a single process, no primary), else one per
 * core up to 2 (a server process holds Next.js: about 300 MB each). Development runs one.
 * @param {Record<string, string | undefined>} [env]
 * @param {number} [cores]
 */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const raw = env.BYLINE_WORKERS;
  if (raw === undefined || raw === "") return Math.max(1, Math.min(2, cores));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`BYLINE_WORKERS must be a whole number from 1 to 64, got "${raw}"`);
  return n;
}

/** The script a worker runs: the server, and a word to the primary once it listens. */
const WORKER_SCRIPT = fileURLToPath(new URL("./worker.mjs", import.meta.url));

/**
 * This machine's server: `count` workers on one port, or (1) the server in this process.
 * @param {{ port: number, hostname?: string, count: number, dev?: boolean, exec?: string,
 *   env?: Record<string, string>, log?: (msg: string) => void }} options
 *   exec, env: the workers' script (WORKER_SCRIPT) and what it gets added to the environment
 * @returns {Promise<{ close: (timeoutMs?: number) => Promise<void> }>}
 */
export async function startServers({
  port,
  hostname = "0.0.0.0",
  count,
  dev = false,
  exec = WORKER_SCRIPT,
  env = {},
  log = console.log,
}) {
  if (count <= 1) {
    const { startServer } = await import("./http-server.mjs");
    return startServer({ dev, port, hostname, log });
  }
  const listenAt = { BYLINE_LISTEN_PORT: String(port), BYLINE_LISTEN_HOST: hostname };
  return startCluster({ exec, count, env: { ...env, ...listenAt }, log });
}

/**
 * Starts `count` workers running `exec`, resolves once each has listened (a worker says so with
 * WORKER_LISTENING). A worker that stops before that fails the start; one that stops later is
 * forked again a second after.
 * @param {{ exec: string, count: number, env?: Record<string, string>, log?: (msg: string) => void }} options
 *   env: added to the workers' environment (the primary's own is inherited)
 * @returns {Promise<{ close: (timeoutMs?: number) => Promise<void>, pids: () => number[] }>}
 */
async function startCluster({ exec, count, env = {}, log = console.log }) {
  // structured clone: the page cache's stored pages travel as Buffers, not JSON arrays of bytes
  cluster.setupPrimary({ exec, serialization: "advanced" });
  const peers = createPeerCoordinator();
  const aggregator = new client.AggregatorRegistry();
  // the Content API's per-address counts of all workers, when Redis does not hold them
  const counts = createCountTotals();
  // which views are a reader's first in their window, for every worker (primaryViewDedupe)
  const views = createViewDedupe();
  /** @type {Record<string, (msg: any) => Promise<unknown>>} what workers ask of the primary (primary-requests.mjs) */
  const requests = {
    [METRICS_REQUEST]: () => aggregator.clusterMetrics(),
    [COUNTS_REQUEST]: async (msg) => counts.add(msg.batch),
    [VIEW_DEDUPE_REQUEST]: async (msg) => views.shouldCount(String(msg.visitorId), String(msg.articleId)),
  };
  let closing = false;
  let started = false;

  /** @param {number} index */
  const fork = (index) => {
    // one view counter per machine is enough (several may share a folder): the first worker's
    const own = index === 0 ? {} : { BYLINE_VIEW_COUNTER: "0" };
    const worker = cluster.fork({ ...env, ...own, BYLINE_WORKER_INDEX: String(index) });
    worker.on("message", (msg) => {
      const answer = requests[msg?.type];
      if (!answer) return peers.message(worker, msg);
      answer(msg).then(
        (value) => worker.isConnected() && worker.send({ type: PRIMARY_ANSWER, id: msg.id, value }),
        (e) =>
          worker.isConnected() &&
          worker.send({ type: PRIMARY_ANSWER, id: msg.id, error: String(e?.message ?? e) }),
      );
    });
    worker.once("exit", (code, signal) => {
      peers.gone(worker);
      if (closing || !started) return;
      log(
        `workers: worker ${index + 1} (pid ${worker.process.pid}) stopped (${signal ?? code}), restarting in 1 s`,
      );
      setTimeout(() => closing || fork(index), 1_000).unref();
    });
    return worker;
  };

  const first = Array.from({ length: count }, (_, i) => fork(i));
  try {
    await Promise.all(
      first.map(
        (worker) =>
          new Promise((resolve, reject) => {
            const onExit = (/** @type {number | null} */ code, /** @type {string | null} */ signal) =>
              reject(new Error(`a server worker stopped while starting (${signal ?? code})`));
            worker.once("exit", onExit);
            worker.on("message", (msg) => {
              if (msg?.type !== WORKER_LISTENING) return;
              worker.off("exit", onExit);
              resolve(undefined);
            });
          }),
      ),
    );
  } catch (e) {
    closing = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
    throw e;
  }
  started = true;

  /** Each worker finishes its requests (graceful-close.mjs) and exits; SIGKILL after `timeoutMs`. */
  async function close(timeoutMs = 15_000) {
    closing = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((resolve) => {
            if (w.process.exitCode !== null || w.process.signalCode !== null) return resolve(undefined);
            const timer = setTimeout(() => w.process.kill("SIGKILL"), timeoutMs);
            w.process.once("exit", () => {
              clearTimeout(timer);
              resolve(undefined);
            });
            w.process.kill("SIGTERM");
          }),
      ),
    );
  }
  const pids = () =>
    Object.values(cluster.workers ?? {}).flatMap((w) => (w?.process.pid ? [w.process.pid] : []));
  return { close, pids };
}
