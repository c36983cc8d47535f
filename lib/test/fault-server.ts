/**
 * Production servers for the fault suite (`*.fault.test.ts`, run by `npm test -- --only=fault`).
 * scripts/test.mjs prepares the build and a seeded database and hands their environment over in
 * FAULT_SERVER_ENV; each test starts its own servers on free ports, because fault tests kill,
 * starve and fill them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const reports = path.join(root, ".data", "test-reports");

export type FaultServer = {
  /** where this server listens: http://127.0.0.1:PORT */
  base: string;
  /** the build's SITE_URL origin: the Origin header mutating requests must carry */
  origin: string;
  child: ChildProcess;
  logFile: string;
  /** peak resident memory of the server process so far (VmHWM) */
  peakRssBytes(): Promise<number>;
  /** sends the signal and resolves with the exit code once the process has exited */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<number | null>;
};

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

function baseEnv(): Record<string, string> {
  const raw = process.env.FAULT_SERVER_ENV;
  if (!raw)
    throw new Error(
      "fault tests run through `npm test -- --only=fault`, which prepares the build and database",
    );
  return JSON.parse(raw) as Record<string, string>;
}

/** The seeded database the fault servers use (connect with `pg` to hold locks, count rows). */
export const faultDatabaseUrl = () => baseEnv().DATABASE_URL!;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, logFile: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`fault server exited with ${child.exitCode}; see ${logFile}`);
    // our own child must own the port: serve.mjs prints this only after listen succeeded
    if (fs.readFileSync(logFile, "utf8").includes("Byline listening on")) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {}
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`fault server did not become healthy in ${timeoutMs / 1000} s; see ${logFile}`);
}

export async function startFaultServer(
  opts: { env?: Record<string, string>; name?: string } = {},
): Promise<FaultServer> {
  const env = baseEnv();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  fs.mkdirSync(reports, { recursive: true });
  const logFile = path.join(reports, `fault-${opts.name ?? "server"}-${port}.log`);
  const log = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: { ...process.env, ...env, ...opts.env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => (running.delete(child), resolve(code))),
  );
  try {
    await waitForHealth(base, child, logFile, 90_000);
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  return {
    base,
    origin: new URL(env.SITE_URL!).origin,
    child,
    logFile,
    async peakRssBytes() {
      const status = await fs.promises.readFile(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(status.match(/^VmHWM:\s+(\d+) kB/m)?.[1]);
      if (!Number.isFinite(kb)) throw new Error("VmHWM not found in /proc status");
      return kb * 1024;
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
