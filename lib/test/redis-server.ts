/**
 * A real Redis for tests that need one: `redis-server` from this machine (Debian: redis-server,
 * which .ci/run installs), on a free port, keeping nothing on disk. Never the machine's own Redis
 * on 6379: a test stops and restarts its server to play an outage.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createClient } from "@redis/client";
import { freePort } from "../../scripts/lib/free-port.mjs";

export type TestRedis = {
  url: string;
  /** stops the server (SIGKILL: an outage, not a shutdown) */
  stop(): Promise<void>;
  /** starts it again on the same port */
  start(): Promise<void>;
};

function binary(): string {
  for (const file of ["redis-server", "/usr/bin/redis-server", "/usr/local/bin/redis-server"])
    if (spawnSync(file, ["--version"]).status === 0) return file;
  throw new Error("redis-server is not installed (Debian: apt-get install redis-server; .ci/run does)");
}

/** Whether the port takes a PING. */
async function answers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 500, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    // a failed connect leaves the client closed already: destroy() would throw
    if (client.isOpen) client.destroy();
  }
}

export async function startTestRedis(): Promise<TestRedis> {
  const bin = binary();
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      if (await answers(url)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${port} within 5 s`);
  };
  await start();
  return {
    url,
    start,
    async stop() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => (c.once("exit", () => resolve()), c.kill("SIGKILL")));
    },
  };
}
