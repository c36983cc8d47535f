import http from "node:http";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCacheHandler } from "./page-cache-capture.mjs";
import { PageCache } from "./page-cache.mjs";
import { createPeerClient, createPeerCoordinator, type WorkerLike } from "./page-cache-peers.mjs";
import { getRaw as get } from "./test/http-client";
import { closeServers, fakeNext, PLACEHOLDER, pageHeaders, serve } from "./test/page-cache-fixtures";

afterEach(closeServers);

/**
 * `count` workers in this process, each with its own page cache, Next.js stand-in and server,
 * joined by the primary's coordinator over a channel that delivers each message on a later turn
 * of the event loop, in order, as IPC does.
 */
async function machine(
  count: number,
  { renderMs = 30, compress = true, delayMs = 0, preclaimMs = 10_000, countsViews = false } = {},
) {
  const handlers: ((msg: unknown) => void)[] = [];
  const deliver = (to: number, msg: unknown) =>
    delayMs ? setTimeout(() => handlers[to]?.(msg), delayMs) : setImmediate(() => handlers[to]?.(msg));
  const ends: (WorkerLike & { connected: boolean })[] = Array.from({ length: count }, (_, i) => ({
    connected: true,
    isConnected() {
      return this.connected;
    },
    send: (msg: unknown) => deliver(i, msg),
  }));
  const coordinator = createPeerCoordinator({ workers: () => ends, preclaimMs });
  return Promise.all(
    ends.map(async (end, i) => {
      const cache = new PageCache({ maxBytes: 1 << 20, compress, countsViews });
      // what Next.js reports of the page (page-cache-hook.mjs)
      cache.tagged("/posts/a", ["a"]);
      const next = fakeNext(() => pageHeaders({ "x-nextjs-cache": "MISS" }), undefined, renderMs);
      const peers = createPeerClient({
        cache,
        id: i + 1,
        send: (msg) => setImmediate(() => end.connected && coordinator.message(end, msg)),
        listen: (handler) => (handlers[i] = handler),
      });
      const base = await serve(
        createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn, peers }),
      );
      return { cache, next, base, end, gone: () => ((end.connected = false), coordinator.gone(end)) };
    }),
  );
}

/** Lets the channel deliver what was sent. */
const tick = () => new Promise((r) => setTimeout(r, 30));

const renders = (workers: { next: { renders: () => number } }[]) =>
  workers.reduce((n, w) => n + w.next.renders(), 0);

describe("one render per page across workers", () => {
  it("sends 50 concurrent requests spread over two workers to Next.js once, and both keep the page", async () => {
    const workers = await machine(2);
    const all = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        get(`${workers[i % 2]!.base}/posts/a`, { "accept-encoding": "gzip" }),
      ),
    );
    expect(renders(workers)).toBe(1);
    const bodies = new Set(all.map((r) => zlib.gunzipSync(r.body).toString()));
    expect(bodies.size).toBe(1);
    const [page] = bodies;
    expect(page).toContain("self.x=1");
    for (const r of all) expect(r.headers["content-encoding"]).toBe("gzip");
    // from now on each worker answers from its own memory, gzip and (once made) brotli too
    await new Promise((r) => setTimeout(r, 300));
    for (const w of workers) {
      expect(w.cache.size).toBe(1);
      const r = await get(`${w.base}/posts/a`, { "accept-encoding": "br" });
      expect(r.headers["x-byline-cache"]).toBe("HIT");
      expect(r.headers["content-encoding"]).toBe("br");
      expect(zlib.brotliDecompressSync(r.body).toString()).toBe(page);
    }
    expect(renders(workers)).toBe(1);
  });
});

describe("an article page another worker rendered", () => {
  it("keeps, in the worker that adopted it, the path its view's line holds, as its headers tell its script", async () => {
    const workers = await machine(2, { compress: false, countsViews: true });
    const first = await get(`${workers[0]!.base}/posts/a`);
    expect(first.headers["server-timing"]).toBe("bl-view");
    await new Promise((r) => setTimeout(r, 50));
    const second = await get(`${workers[1]!.base}/posts/a`);
    expect(second.headers["x-byline-cache"]).toBe("HIT");
    expect(second.headers["server-timing"]).toBe("bl-view");
    expect(renders(workers)).toBe(1);
    expect(workers.map((w) => w.cache.fresh("/posts/a")?.view?.toString())).toEqual(["/posts/a", "/posts/a"]);
  });
});

describe("invalidations across workers", () => {
  it("a page one worker drops is dropped by the others, even one that has not heard of the invalidation", async () => {
    const workers = await machine(2, { compress: false });
    await get(`${workers[0]!.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    expect(workers.map((w) => w.cache.size)).toEqual([1, 1]);
    workers[0]!.cache.invalidated(["b"]);
    await new Promise((r) => setTimeout(r, 50));
    expect(workers.map((w) => w.cache.size)).toEqual([1, 1]);
    workers[0]!.cache.invalidated(["a"]);
    await new Promise((r) => setTimeout(r, 50));
    expect(workers.map((w) => w.cache.size)).toEqual([0, 0]);
    const again = await get(`${workers[1]!.base}/posts/a`);
    expect(again.headers["x-byline-cache"]).toBe("MISS");
    expect(renders(workers)).toBe(2);
  });

  it("a worker that heard an invalidation while it waited serves the page to its readers and keeps nothing", async () => {
    const workers = await machine(2, { renderMs: 200, compress: false });
    const first = get(`${workers[0]!.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    const waiting = get(`${workers[1]!.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    workers[1]!.cache.invalidated(["a"]);
    const [a, b] = await Promise.all([first, waiting]);
    expect(a.headers["x-byline-cache"]).toBe("MISS");
    expect(b.headers["x-byline-cache"]).toBe("HIT");
    expect(b.body.toString()).toBe(a.body.toString());
    expect(renders(workers)).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(workers[1]!.cache.size).toBe(0);
    expect((await get(`${workers[1]!.base}/posts/a`)).headers["x-byline-cache"]).toBe("MISS");
  });
});

describe("a render Next.js began before an invalidation (staleRender, page-cache-hook.mjs)", () => {
  it("is served to every worker's readers waiting for it, and kept by none", async () => {
    const workers = await machine(2, { renderMs: 200, compress: false });
    const [w0, w1] = workers as [(typeof workers)[0], (typeof workers)[0]];
    const first = get(`${w0.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    const waiting = get(`${w1.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    expect(w0.cache.staleRender("/posts/a", ["a"])).toEqual(["/posts/a"]);
    const [a, b] = await Promise.all([first, waiting]);
    expect(a.headers["x-byline-cache"]).toBe("MISS");
    expect(b.headers["x-byline-cache"]).toBe("HIT");
    expect(b.body.toString()).toBe(a.body.toString());
    await tick();
    expect(workers.map((w) => w.cache.size)).toEqual([0, 0]);
    expect(renders(workers)).toBe(1);
  });

  it("is dropped by every worker once kept; a page another worker rendered is left to it", async () => {
    const workers = await machine(2, { compress: false });
    const [w0, w1] = workers as [(typeof workers)[0], (typeof workers)[0]];
    await get(`${w0.base}/posts/a`);
    await tick();
    expect(workers.map((w) => w.cache.size)).toEqual([1, 1]);
    // w1 did not render it: not its to drop
    expect(w1.cache.staleRender("/posts/a", ["a"])).toEqual([]);
    await tick();
    expect(workers.map((w) => w.cache.size)).toEqual([1, 1]);
    expect(w0.cache.staleRender("/posts/a", ["a"])).toEqual(["/posts/a"]);
    await tick();
    expect(workers.map((w) => w.cache.size)).toEqual([0, 0]);
  });
});

describe("a page rendered after an invalidation, heard late by another worker", () => {
  it("is kept there when its renderer heard the same tags first: one render, not two", async () => {
    const workers = await machine(2, { compress: false });
    const [w0, w1] = workers as [(typeof workers)[0], (typeof workers)[0]];
    await get(`${w0.base}/posts/a`);
    await tick();
    w0.cache.invalidated(["a"]); // heard first by the worker that renders again
    await tick();
    expect(workers.map((w) => w.cache.size)).toEqual([0, 0]);
    expect((await get(`${w0.base}/posts/a`)).headers["x-byline-cache"]).toBe("MISS");
    await tick();
    w1.cache.invalidated(["a"]); // the same invalidation, reaching the other worker later
    await tick();
    expect(workers.map((w) => w.cache.size)).toEqual([1, 1]);
    expect((await get(`${w1.base}/posts/a`)).headers["x-byline-cache"]).toBe("HIT");
    expect(renders(workers)).toBe(2);
    // a later invalidation, heard by the other worker first: its renderer, hearing it in turn,
    // drops the page and takes it back from every worker
    w1.cache.invalidated(["a"]);
    await tick();
    expect(workers.map((w) => w.cache.size)).toEqual([1, 1]);
    w0.cache.invalidated(["a"]);
    await tick();
    expect(workers.map((w) => w.cache.size)).toEqual([0, 0]);
  });

  it("is kept by a worker that waited for it while it heard the same invalidation", async () => {
    const workers = await machine(2, { renderMs: 200, compress: false });
    const [w0, w1] = workers as [(typeof workers)[0], (typeof workers)[0]];
    w0.cache.invalidated(["a"]);
    await tick();
    const first = get(`${w0.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    const waiting = get(`${w1.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    w1.cache.invalidated(["a"]);
    await Promise.all([first, waiting]);
    await tick();
    expect(w1.cache.size).toBe(1);
    expect(renders(workers)).toBe(1);
  });
});

describe("pages a worker's preload is about to render", () => {
  it("are left to it: a reader on another worker waits for that render", async () => {
    const workers = await machine(2, { renderMs: 100, compress: false });
    const [w0, w1] = workers as [(typeof workers)[0], (typeof workers)[0]];
    w0.cache.warming(["/posts/a"]);
    await tick();
    const reader = get(`${w1.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    const preload = await get(`${w0.base}/posts/a`);
    expect(preload.headers["x-byline-cache"]).toBe("MISS");
    expect((await reader).headers["x-byline-cache"]).toBe("HIT");
    expect(w0.next.renders()).toBe(1);
    expect(w1.next.renders()).toBe(0);
  });

  it("are given up when the preload never asks: the reader's worker renders", async () => {
    const workers = await machine(2, { compress: false, preclaimMs: 200 });
    const [w0, w1] = workers as [(typeof workers)[0], (typeof workers)[0]];
    w0.cache.warming(["/posts/a"]);
    await tick();
    const t0 = performance.now();
    const reader = await get(`${w1.base}/posts/a`);
    expect(reader.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(150);
    expect(w1.next.renders()).toBe(1);
  });
});

describe("a worker that stops while it renders", () => {
  it("frees its pages: readers waiting on another worker go to Next.js there", async () => {
    const workers = await machine(2, { renderMs: 300, compress: false });
    const first = get(`${workers[0]!.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    const waiting = get(`${workers[1]!.base}/posts/a`);
    await new Promise((r) => setTimeout(r, 50));
    workers[0]!.gone();
    const b = await waiting;
    expect(b.status).toBe(200);
    expect(workers[1]!.next.renders()).toBe(1);
    await first;
  });
});

describe("a reader who leaves while the primary is asked", () => {
  it("releases the page: the other workers' readers are not left waiting", async () => {
    const workers = await machine(2, { delayMs: 100, compress: false });
    const gone = http.get(`${workers[0]!.base}/posts/a`, { agent: false });
    gone.on("error", () => {}); // the reset this test causes
    await new Promise((r) => setTimeout(r, 20));
    gone.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const later = await get(`${workers[1]!.base}/posts/a`);
    expect(later.status).toBe(200);
    expect(later.body.toString()).toContain("self.x=1");
  });
});

describe("createPeerCoordinator", () => {
  const end = () => {
    const got: unknown[] = [];
    return { got, isConnected: () => true, send: (m: unknown) => void got.push(m) };
  };

  it("grants a key to one worker at a time and relays its page to the others", () => {
    const [a, b, c] = [end(), end(), end()];
    const co = createPeerCoordinator({ workers: () => [a, b, c] });
    co.message(a, { type: "byline:page-claim", id: 1, key: "/x" });
    co.message(b, { type: "byline:page-claim", id: 7, key: "/x" });
    co.message(b, { type: "byline:page-claim", id: 8, key: "/y" });
    expect(a.got).toEqual([{ type: "byline:page-claimed", id: 1, granted: true }]);
    expect(b.got).toEqual([
      { type: "byline:page-claimed", id: 7, granted: false },
      { type: "byline:page-claimed", id: 8, granted: true },
    ]);
    const stored = { type: "byline:page-stored", key: "/x", store: true, entry: {} };
    co.message(a, stored);
    expect(b.got.at(-1)).toBe(stored);
    expect(c.got).toEqual([stored]);
    expect(a.got).toHaveLength(1);
    // released: the next miss of /x renders again
    co.message(c, { type: "byline:page-claim", id: 2, key: "/x" });
    expect(c.got.at(-1)).toEqual({ type: "byline:page-claimed", id: 2, granted: true });
  });

  it("does not let a worker release a key another holds", () => {
    const [a, b] = [end(), end()];
    const co = createPeerCoordinator({ workers: () => [a, b] });
    co.message(a, { type: "byline:page-claim", id: 1, key: "/x" });
    co.message(b, { type: "byline:page-none", key: "/x" });
    co.message(b, { type: "byline:page-claim", id: 2, key: "/x" });
    expect(b.got.at(-1)).toEqual({ type: "byline:page-claimed", id: 2, granted: false });
  });

  it("frees the keys of a worker that is gone and tells the others", () => {
    const [a, b] = [end(), end()];
    const co = createPeerCoordinator({ workers: () => [a, b] });
    co.message(a, { type: "byline:page-claim", id: 1, key: "/x" });
    co.gone(a);
    expect(b.got).toEqual([{ type: "byline:page-none", key: "/x" }]);
    co.message(b, { type: "byline:page-claim", id: 2, key: "/x" });
    expect(b.got.at(-1)).toEqual({ type: "byline:page-claimed", id: 2, granted: true });
  });
});
