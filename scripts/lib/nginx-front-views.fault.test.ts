/**
 * The shipped front in front of several instances sends one visitor's view beacons to one
 * instance (upstream byline_views, hashed on the bl_vid cookie), because "once per visitor per
 * article per 30 minutes" is remembered by the instance that answered (server/view-beacon.mjs).
 * The upstreams here are two plain HTTP servers that say who they are: what is tested is the
 * front's routing, with the real deploy/nginx.conf.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFront } from "./nginx-front.mjs";

type Front = Awaited<ReturnType<typeof startFront>>;
const upstreams: http.Server[] = [];
let front: Front;

function instance(name: string): Promise<string> {
  const srv = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json", "x-instance": name });
    res.end(JSON.stringify({ instance: name }));
  });
  upstreams.push(srv);
  return new Promise((resolve) =>
    srv.listen(0, "127.0.0.1", () => resolve(`127.0.0.1:${(srv.address() as AddressInfo).port}`)),
  );
}

async function beacon(visitor: string | null, path = "/api/views/abc123"): Promise<string> {
  const res = await fetch(front.url + path, {
    method: "POST",
    headers: visitor ? { Cookie: `bl_vid=${visitor}` } : {},
  });
  expect(res.status).toBe(200);
  return res.headers.get("x-instance") ?? "";
}

describe("the front's view beacon routing", () => {
  beforeAll(async () => {
    front = await startFront({ upstream: [await instance("a"), await instance("b")] });
  }, 30_000);
  afterAll(async () => {
    await front?.stop();
    for (const s of upstreams) s.close();
  });

  it("sends every beacon of one visitor to the same instance, and spreads visitors over both", async () => {
    const seen = new Map<string, Set<string>>();
    for (let v = 0; v < 40; v++) {
      const visitor = `visitor${v}xxxxxxxxxxxxx`;
      for (const article of ["abc123", "def456", "ghi789"])
        for (let i = 0; i < 3; i++) {
          const at = await beacon(visitor, `/api/views/${article}`);
          seen.set(visitor, (seen.get(visitor) ?? new Set()).add(at));
        }
    }
    for (const [visitor, instances] of seen) expect([visitor, instances.size]).toEqual([visitor, 1]);
    const used = new Set([...seen.values()].flatMap((s) => [...s]));
    expect(used).toEqual(new Set(["a", "b"]));
  });

  it("sends first visits (no cookie yet) to one instance too", async () => {
    const at = new Set<string>();
    for (let i = 0; i < 10; i++) at.add(await beacon(null));
    expect(at.size).toBe(1);
  });

  it("keeps balancing pages round robin over both instances", async () => {
    const at = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${front.url}/api/other?${i}`);
      at.add(res.headers.get("x-instance") ?? "");
    }
    expect(at).toEqual(new Set(["a", "b"]));
  });
});
