/**
 * The shipped front's micro-cache key (deploy/nginx.conf `$byline_router_key`): Next.js answers one
 * URL with HTML or with React Server Components data by its router's request headers, which its
 * router sends only with `RSC: 1`; the front keys those apart, and keys a request without RSC by its
 * URL alone. Such a request made by hand with router headers may get another answer from Next.js
 * (a prefetch's data, an intercepting route): the app says BYPASS for it (its page cache refuses
 * every router header), so the front must never store it. The upstream is a plain HTTP server
 * answering as the app does: what is tested is the real deploy/nginx.conf.
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

/**
 * What the app would answer: data for the router's headers with RSC; without RSC, HTML, or
 * something else when router headers came anyway (never to be stored: BYPASS below).
 */
function answerFor(headers: Record<string, string | string[] | undefined>): string {
  const router = ROUTER.map((h) => `${h}=${headers[h] ?? ""}`);
  if (headers.rsc === "1") return ["rsc", ...router].join("|");
  return ROUTER.some((h) => headers[h] !== undefined) ? ["not html", ...router].join("|") : "html";
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    req.resume();
    const body = answerFor(req.headers);
    res.writeHead(200, {
      "content-type": body === "html" ? "text/html; charset=utf-8" : "text/x-component",
      // the app's page cache's answer (the front may store it), but for router headers without RSC
      "x-byline-cache": body.startsWith("not html") ? "BYPASS" : "MISS",
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

  it("never stores what the app answers router headers sent without RSC", async () => {
    for (const [page, h] of ROUTER.entries()) {
      await startOfASecond();
      const odd = await get(`/posts/odd${page}`, { [h]: "1" });
      expect(odd, h).toEqual({ body: answerFor({ [h]: "1" }), cache: "MISS" });
      // the page's own request, right after: the app's HTML, not the answer above
      expect((await get(`/posts/odd${page}`, {})).body, h).toBe("html");
    }
  });
});
