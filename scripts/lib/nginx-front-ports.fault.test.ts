/**
 * startFront picks its ports with freePort(), which only knows a port was free a moment ago:
 * another run on this machine may bind it before nginx does (seen once in CI, EADDRINUSE). A port
 * it picked is picked again; a port the caller gave is not moved. Real nginx, real sockets: the
 * first port freePort() answers is one this test holds.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";

const held: net.Server[] = [];
const picks: number[] = [];

vi.mock("./free-port.mjs", async (original) => {
  const real = await original<typeof import("./free-port.mjs")>();
  return { freePort: async () => picks.shift() ?? (await real.freePort()) };
});

const { startFront } = await import("./nginx-front.mjs");

function hold(): Promise<number> {
  const srv = net.createServer();
  held.push(srv);
  return new Promise((resolve) =>
    srv.listen(0, "127.0.0.1", () => resolve((srv.address() as AddressInfo).port)),
  );
}

afterEach(() => {
  for (const s of held.splice(0)) s.close();
  picks.length = 0;
});

describe("startFront and ports taken meanwhile", () => {
  it("starts on another port when the one it picked is taken before nginx binds it", async () => {
    const taken = await hold();
    picks.push(taken);
    const front = await startFront({ upstream: "127.0.0.1:9" });
    try {
      expect(new URL(front.url).port).not.toBe(String(taken));
      // nginx answers (the app behind it is absent: its own zh-CN 503)
      const res = await fetch(`${front.url}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("网站暂时无法访问");
    } finally {
      await front.stop();
    }
  }, 30_000);

  it("starts when the port it picked for its loopback stamp hop is taken", async () => {
    const listen = await hold();
    held.pop()?.close();
    const stamp = await hold();
    // the first pick is the public port (free again), the second the stamp hop's (taken)
    picks.push(listen, stamp);
    const front = await startFront({ upstream: "127.0.0.1:9" });
    try {
      expect((await fetch(`${front.url}/`)).status).toBe(503);
    } finally {
      await front.stop();
    }
  }, 30_000);

  it("refuses a taken port the caller asked for, saying so", async () => {
    const taken = await hold();
    await expect(startFront({ upstream: "127.0.0.1:9", port: taken })).rejects.toThrow(
      /Address already in use/,
    );
  }, 30_000);
});
