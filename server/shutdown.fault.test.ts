import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { noisePng, signIn, upload } from "./test/fault-client";
import type { Answer } from "./test/http-client";

// Finding 11: SIGTERM reset requests already sent on open keep-alive connections (2 of 20, and
// 14 of 20 when sent shortly before the signal). Here 20 slow uploads (bodies trickled over
// 3 s, so they are in flight when the signal comes) run on 20 warm keep-alive connections; the
// last five are sent just as the signal goes out. Every one must be stored (201).
let srv: FaultServer;

beforeAll(async () => {
  // enough upload slots for all 20 at once: this is about shutdown, not load shedding
  srv = await startFaultServer({ name: "shutdown", env: { BYLINE_MAX_UPLOADS: "20" } });
});
afterAll(async () => {
  await srv?.stop("SIGKILL");
});

describe("SIGTERM during 20 in-flight requests", () => {
  it("completes all 20 with 2xx, then exits 0", async () => {
    const cookie = await signIn(srv, "editor-chen@byline.test");
    const files = await Promise.all(Array.from({ length: 20 }, () => noisePng(64 * 1024)));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    // 20 open keep-alive connections, idle after their first answer
    await Promise.all(
      Array.from(
        { length: 20 },
        () =>
          new Promise<void>((ok, ko) =>
            http.get(`${srv.base}/api/health`, { agent }, (r) => r.resume().on("end", ok)).on("error", ko),
          ),
      ),
    );

    const requests: Promise<Answer>[] = files
      .slice(0, 15)
      .map((file) => upload(srv, { cookie, file, agent, trickleMs: 3_000 }));
    await new Promise((r) => setTimeout(r, 500));
    // Five more on the five idle connections, and the signal right behind them: the agent writes
    // their bytes on the next tick, so they reach the server just as it handles SIGTERM, the
    // moment a proxy reusing its keep-alive connections meets at every deploy.
    for (const file of files.slice(15)) requests.push(upload(srv, { cookie, file, agent, trickleMs: 3_000 }));
    srv.child.kill("SIGTERM");
    const settled = await Promise.allSettled(requests);
    const exitCode = await srv.stop("SIGTERM");
    const statuses = settled.map((s) =>
      s.status === "fulfilled" ? s.value.status : `error ${(s.reason as Error).message}`,
    );
    console.log(
      `SIGTERM during 20 in-flight uploads: ${statuses.filter((s) => s === 201).length}/20 answered 201; exit code ${exitCode}`,
    );
    expect(statuses).toEqual(Array(20).fill(201));
    expect(exitCode).toBe(0);
    agent.destroy();
  });
});
