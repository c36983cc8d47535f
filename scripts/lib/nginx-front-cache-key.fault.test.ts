/**
 * The shipped front's micro-cache key (deploy/nginx.conf `$byline_router_key`): Next.js answers one
 * URL with HTML or with React Server Components data by its router's request headers, all of which
 * come with `RSC: 1`; the front keys those apart, and keys a request without RSC by its URL alone
 * (Next.js reads none of the others then). The upstream is a plain HTTP server answering as Next.js
 * does, every answer storable: what is tested is the real deploy/nginx.conf.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFront } from "./nginx-front.mjs";

type Front = Awaited<ReturnType<typeof startFront>>;
let upstream: http.Server;
let front: Front;

const ROUTER = [
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-router-state-tree",
  "next-url",
] as const;

/** What Next.js would answer: HTML without RSC whatever else is sent, else data for those headers. */
function answerFor(headers: Record<string, string | string[] | undefined>): string {
  if (headers.rsc !== "1") return "html";
  return ["rsc", ...ROUTER.map((h) => `${h}=${headers[h] ?? ""}`)].join("|");
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    req.resume();
    const body = answerFor(req.headers);
    res.writeHead(200, {
      "content-type": body === "html" ? "text/html; charset=utf-8" : "text/x-component",
      // the app's page cache's answer: the front may store it
      "x-byline-cache": "MISS",
      "cache-control": "public, s-maxage=60",
    });
    res.end(body);
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", () => r()));
  front = await startFront({ upstream: `127.0.0.1:${(upstream.address() as AddressInfo).port}` });
}, 30_000);

afterAll(async () => {
  await front?.stop();
  upstream?.close();
});

async function get(path: string, headers: Record<string, string>) {
  const res = await fetch(front.url + path, { headers });
  return { body: await res.text(), cache: res.headers.get("x-cache-status") };
}

/**
 * Until just after a second starts: the front stores a copy until the end of the second it was made
 * in, so requests sent now find the copies of the ones before them.
 */
async function startOfASecond() {
  await new Promise((r) => setTimeout(r, 1_000 - (Date.now() % 1_000) + 20));
}

describe("the front's cache key", () => {
  it("keeps apart what Next.js answers differently by its router's headers", async () => {
    const variants: Record<string, string>[] = [
      {},
      { rsc: "1" },
      { rsc: "1", "next-router-prefetch": "1" },
      { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
      { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_index" },
      { rsc: "1", "next-router-state-tree": "%5B%22a%22%5D" },
      { rsc: "1", "next-router-state-tree": "%5B%22b%22%5D" },
      { rsc: "1", "next-url": "/a" },
      { rsc: "1", "next-url": "/b" },
    ];
    // all variants one after another within one second, on a page of their own: a variant the
    // key did not tell apart from an earlier one is answered from the copy stored for that one
    for (const [page, order] of [variants, [...variants].reverse()].entries()) {
      await startOfASecond();
      const got = [];
      for (const headers of order) got.push((await get(`/posts/k${page}`, headers)).body);
      expect(got).toEqual(order.map(answerFor));
    }
  });

  it("answers a request without RSC from the page's copy, whatever router headers it has", async () => {
    await startOfASecond();
    expect(await get("/posts/html", {})).toEqual({ body: "html", cache: "MISS" });
    // the page's copy: a key of its own would have none yet (MISS); past the copy's second (a slow
    // machine) it is served stale while refreshed, never missed
    for (const h of ROUTER) {
      const got = await get("/posts/html", { [h]: "1" });
      expect(got.body, h).toBe("html");
      expect(got.cache, h).not.toBe("MISS");
    }
  });
});
