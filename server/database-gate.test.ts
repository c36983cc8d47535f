import { describe, expect, it } from "vitest";
import { createDatabaseGate, passesDatabaseGate } from "./database-gate.mjs";

/** A probe the test answers by hand: `reachable` decides what the next probe sees. */
function fakeDatabase() {
  const db = { reachable: true, probes: 0 };
  const probe = async () => {
    db.probes++;
    if (!db.reachable) throw new Error("connect ECONNREFUSED");
  };
  return { db, probe };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe("database gate", () => {
  it("stays open when the database answers the probe (an exhausted pool is not an outage)", async () => {
    const { db, probe } = fakeDatabase();
    const gate = createDatabaseGate({ probe, intervalMs: 10 });
    gate.reportUnavailable();
    await gate.settled();
    expect(db.probes).toBe(1);
    expect(gate.isDown()).toBe(false);
    gate.close();
  });

  it("closes when the probe fails too, and opens on the first probe that succeeds", async () => {
    const { db, probe } = fakeDatabase();
    const changes: boolean[] = [];
    const gate = createDatabaseGate({ probe, intervalMs: 10, onChange: (up) => changes.push(up) });
    db.reachable = false;
    gate.reportUnavailable();
    await gate.settled();
    expect(gate.isDown()).toBe(true);
    await until(() => db.probes >= 3); // keeps probing while down
    expect(gate.isDown()).toBe(true);
    db.reachable = true;
    await until(() => !gate.isDown());
    expect(changes).toEqual([false, true]);
    const probes = db.probes;
    await new Promise((r) => setTimeout(r, 50));
    expect(db.probes).toBe(probes); // no probing while up
    gate.close();
  });

  it("runs one probe at a time however many requests report", async () => {
    const { db, probe } = fakeDatabase();
    db.reachable = false;
    const gate = createDatabaseGate({ probe, intervalMs: 1_000 });
    for (let i = 0; i < 100; i++) gate.reportUnavailable();
    await gate.settled();
    expect(db.probes).toBe(1);
    gate.close();
  });

  it("counts a probe that never settles as a failure, and probes again on schedule", async () => {
    let probes = 0;
    let hang = true;
    const gate = createDatabaseGate({
      probe: () => (probes++, hang ? new Promise<void>(() => {}) : Promise.resolve()),
      intervalMs: 10,
      probeTimeoutMs: 30,
    });
    gate.reportUnavailable();
    await gate.settled();
    expect(gate.isDown()).toBe(true);
    await until(() => probes >= 2);
    hang = false;
    await until(() => !gate.isDown());
    gate.close();
  });

  it("lets through what needs no database and the health checks, nothing else", () => {
    for (const url of [
      "/_next/static/chunks/a.js",
      "/_next/image?url=%2Fmedia%2Fa.webp&w=640&q=75",
      "/media/ab/0123.webp",
      "/robots.txt",
      "/favicon.ico",
      "/api/health",
      "/api/ready",
      "/api/health?x=1",
    ])
      expect(passesDatabaseGate(url)).toBe(true);
    for (const url of [
      "/",
      "/posts/abc",
      "/api/healthz",
      "/api/readyz",
      "/api/v1/articles",
      "/api/media",
      "/mediafoo",
      "/robots.txt.bak",
    ])
      expect(passesDatabaseGate(url)).toBe(false);
  });
});
