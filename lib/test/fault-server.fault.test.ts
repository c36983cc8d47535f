import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "./fault-server";

// The harness itself: a fault server serves the seeded site and stops cleanly on SIGTERM.
describe("fault server harness", () => {
  let srv: FaultServer;
  beforeAll(async () => {
    srv = await startFaultServer({ name: "harness" });
  });
  afterAll(async () => {
    await srv?.stop("SIGKILL");
  });

  it("serves the seeded home page and health", async () => {
    const health = await fetch(`${srv.base}/api/health`);
    expect(health.status).toBe(200);
    const home = await fetch(`${srv.base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("<html");
    expect(await srv.peakRssBytes()).toBeGreaterThan(10 * 1024 * 1024);
  });

  it("exits 0 on SIGTERM", async () => {
    expect(await srv.stop("SIGTERM")).toBe(0);
  });
});
