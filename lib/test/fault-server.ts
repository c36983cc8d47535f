/**
 * Production servers for the fault suite (`*.fault.test.ts`, run by `npm test -- --only=fault`).
 * scripts/test.mjs prepares the build and a seeded database and hands their environment over in
 * FAULT_SERVER_ENV; each test starts its own servers on free ports, because fault tests kill,
 * starve and fill them.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { startInstance, type Instance } from "../../scripts/lib/topology.mjs";

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

/** The environment scripts/test.mjs prepared: build, seeded database, uploads, SITE_URL. */
export function faultServerEnv(): Record<string, string> {
  const raw = process.env.FAULT_SERVER_ENV;
  if (!raw)
    throw new Error(
      "fault tests run through `npm test -- --only=fault`, which prepares the build and database",
    );
  return JSON.parse(raw) as Record<string, string>;
}

/** The seeded database the fault servers use (connect with `pg` to hold locks, count rows). */
export const faultDatabaseUrl = () => faultServerEnv().DATABASE_URL!;

/** Where a fault server logs: .data/test-reports/fault-<name>-<port>.log. */
export const faultLogFile = (name: string, port: number) => path.join(reports, `fault-${name}-${port}.log`);

/** A started instance (scripts/lib/topology.mjs) as the fault tests' handle on it. */
export function asFaultServer(instance: Instance): FaultServer {
  const { base, child, logFile, stop } = instance;
  return {
    base,
    origin: new URL(faultServerEnv().SITE_URL!).origin,
    child,
    logFile,
    async peakRssBytes() {
      const status = await fs.promises.readFile(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(status.match(/^VmHWM:\s+(\d+) kB/m)?.[1]);
      if (!Number.isFinite(kb)) throw new Error("VmHWM not found in /proc status");
      return kb * 1024;
    },
    stop,
  };
}

export async function startFaultServer(
  opts: { env?: Record<string, string>; name?: string } = {},
): Promise<FaultServer> {
  const port = await freePort();
  const name = opts.name ?? "server";
  const instance = await startInstance({
    name,
    port,
    // one process, unless a test asks for workers (server/cluster.mjs): the fault tests watch one
    // server's gates, memory and log; server/workers.fault.test.ts runs the default of two
    env: { ...process.env, ...faultServerEnv(), BYLINE_WORKERS: "1", ...opts.env },
    logFile: faultLogFile(name, port),
    // liveness: some fault tests start servers whose media store or database is meant to fail
    readyPath: "/api/health",
    timeoutMs: 90_000,
  });
  return asFaultServer(instance);
}
