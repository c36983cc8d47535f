// @ts-check
// A Redis of our own for what needs one and finds no REDIS_URL: the topology (docs/topology.md),
// the benches and the tests. `redis-server` from this machine (Debian: redis-server, which .ci/run
// installs) on a free port, keeping nothing on disk, keyspace events on (the shared cache's
// library hears expiries through them). Never the machine's own Redis on 6379: a test stops and
// restarts its server to play an outage.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import { freePort } from "./free-port.mjs";

/**
 * @typedef {{
 *   url: string,
 *   stop(): Promise<void>,
 *   start(): Promise<void>,
 * }} OwnRedis
 *   stop: SIGKILL (an outage, not a shutdown); start: again on the same port
 */

/** The redis-server binary, or null when this machine has none. */
export function redisServerBinary() {
  for (const file of ["redis-server", "/usr/bin/redis-server", "/usr/local/bin/redis-server"])
    if (spawnSync(file, ["--version"]).status === 0) return file;
  return null;
}

/**
 * Whether the port answers PING (a raw RESP exchange: no client library needed by the CLI scripts).
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (/** @type {boolean} */ ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}

/** @returns {Promise<OwnRedis>} */
export async function startRedisServer() {
  const bin = redisServerBinary();
  if (!bin)
    throw new Error("redis-server is not installed (Debian: apt-get install redis-server; .ci/run does)");
  const port = await freePort();
  /** @type {import("node:child_process").ChildProcess | null} */
  let child = null;
  const start = async () => {
    const c = spawn(
      bin,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--notify-keyspace-events",
        "Exe",
      ],
      { stdio: "ignore" },
    );
    child = c;
    process.once("exit", () => c.kill("SIGKILL"));
    for (let i = 0; i < 100; i++) {
      if (await answers(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${port} within 5 s`);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      await new Promise((resolve) => (c.once("exit", () => resolve(undefined)), c.kill("SIGKILL")));
    },
  };
}
