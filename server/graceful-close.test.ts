import http from "node:http";
import { describe, expect, it } from "vitest";
import { trackConnections } from "./graceful-close.mjs";
import { listen, readAnswer, send, type Answer } from "./test/http-client";

// A plain HTTP server with the shutdown tracking and slow (400 ms) answers, and a keep-alive
// client: the situation of finding 11, where a deploy's SIGTERM reset requests on open sockets.
function slowServer() {
  const server = http.createServer((req, res) => {
    track.request(req, res);
    setTimeout(() => res.end(`done ${req.url}`), req.url === "/fast" ? 0 : 400);
  });
  const track = trackConnections(server, { idleGraceMs: 300 });
  return { server, track };
}

describe("graceful shutdown", () => {
  it("finishes every request already sent on keep-alive sockets, including those sent just before the signal", async () => {
    const { server, track } = slowServer();
    const base = await listen(server);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    // 20 open keep-alive connections, idle after their first answer
    await Promise.all(Array.from({ length: 20 }, () => send(base, { path: "/fast", agent })));
    expect(track.connections).toBe(20);

    const early = Array.from({ length: 15 }, (_, i) => send(base, { path: `/slow-${i}`, agent }));
    while (track.inFlight() < 15) await new Promise((r) => setTimeout(r, 5));
    // five more on the idle sockets
    let written = 0;
    let drained: Promise<void> | undefined;
    let inFlightAtSignal = -1;
    const late = Array.from(
      { length: 5 },
      (_, i) =>
        new Promise<Answer>((resolve, reject) => {
          const req = http.request(
            `${base}/late-${i}`,
            { agent },
            (res) => void readAnswer(res).then(resolve, reject),
          );
          // the signal comes as the last one is handed to the kernel, before the server has read them
          req.on("finish", () => {
            if (++written < 5) return;
            inFlightAtSignal = track.inFlight();
            drained = track.drain(10_000);
          });
          req.on("error", reject);
          req.end();
        }),
    );
    while (!drained) await new Promise((r) => setImmediate(r));
    expect(inFlightAtSignal).toBe(15);

    const answers = await Promise.all(early);
    expect(answers.map((a) => a.status)).toEqual(Array(15).fill(200));
    await drained;
    const lateAnswers = await Promise.all(late);
    expect(lateAnswers.map((a) => a.body)).toEqual([0, 1, 2, 3, 4].map((i) => `done /late-${i}`));
    // answered after the signal: the connection does not stay open for another request
    expect(lateAnswers.map((a) => a.headers.connection)).toEqual(Array(5).fill("close"));
    expect(server.listening).toBe(false);
    expect(track.connections).toBe(0);
    agent.destroy();
  });

  it("answers each request its connection's peer address, read once as the connection opened", async () => {
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(track.request(req, res));
      res.end("ok");
    });
    const track = trackConnections(server);
    let opened = 0;
    server.on("connection", () => opened++);
    const base = await listen(server);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 3; i++) await send(base, { path: `/${i}`, agent });
    // one connection, three requests, each told the loopback address the socket reports
    expect(opened).toBe(1);
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect(new Set(seen).size).toBe(1);
    agent.destroy();
    await track.drain(1_000);
  });

  it("cuts requests still running after the timeout, and then resolves", async () => {
    const { server, track } = slowServer();
    const base = await listen(server);
    const pending = send(base, { path: "/slow" }).catch((e: Error) => e);
    while (track.inFlight() < 1) await new Promise((r) => setTimeout(r, 5));
    await track.drain(50);
    expect(await pending).toBeInstanceOf(Error);
    expect(track.connections).toBe(0);
  });
});
