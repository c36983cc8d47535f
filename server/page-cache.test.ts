import http from "node:http";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE as APP_SESSION_COOKIE } from "@/lib/auth/cookie-names";
import { createHitPath, createPageCacheHandler } from "./page-cache-capture.mjs";
import { cacheKeyOf, negotiate, PageCache, SESSION_COOKIE } from "./page-cache.mjs";
import { PUBLIC_RENDER_MARKER } from "./page-cache-policy.mjs";
import { getRaw } from "./test/http-client";
import { closeServers, fakeNext, PLACEHOLDER, pageHeaders, serve } from "./test/page-cache-fixtures";

const req = (url: string, headers: Record<string, string> = {}, method = "GET") =>
  ({ url, method, headers }) as unknown as http.IncomingMessage;

describe("which requests the page cache may answer", () => {
  it("recognises the session cookie exactly like lib/auth/cookie-names.ts", () => {
    const names = [
      "authjs.session-token",
      "__Host-authjs.session-token",
      "authjs.session-token.0",
      "__Host-authjs.session-token.12",
      "authjs.csrf-token",
      "__Host-authjs.csrf-token",
      "authjs.callback-url",
      "__Secure-authjs.session-token",
      "authjs.session-token.x",
      "xauthjs.session-token",
      "authjs.session-tokens",
      "",
    ];
    for (const name of names) expect(SESSION_COOKIE.test(name), name).toBe(APP_SESSION_COOKIE.test(name));
    expect(SESSION_COOKIE.source).toBe(APP_SESSION_COOKIE.source);
  });

  it("keys public page requests by raw path and query", () => {
    expect(cacheKeyOf(req("/posts/ab12?x=1"))).toBe("/posts/ab12?x=1");
    expect(cacheKeyOf(req("/", {}, "HEAD"))).toBe("/");
    expect(cacheKeyOf(req("/", { cookie: "theme=dark; authjs.csrf-token=abc" }))).toBe("/");
    expect(cacheKeyOf(req("/", { cookie: "authjs.session-token=" }))).toBe("/");
  });

  it("refuses signed-in, router, action, non-GET and non-page requests", () => {
    expect(cacheKeyOf(req("/", { cookie: "a=1; __Host-authjs.session-token.0=x" }))).toBeNull();
    expect(cacheKeyOf(req("/", { cookie: "authjs.session-token=x" }))).toBeNull();
    for (const h of [
      "rsc",
      "next-router-state-tree",
      "next-router-prefetch",
      "next-router-segment-prefetch",
      "next-url",
      "next-action",
    ])
      expect(cacheKeyOf(req("/", { [h]: "1" })), h).toBeNull();
    expect(cacheKeyOf(req("/", {}, "POST"))).toBeNull();
    for (const p of [
      "/_next/static/chunks/a.js",
      "/media/x.webp",
      "/api/health",
      "/api?x",
      "/preview/tok",
      "*",
    ])
      expect(cacheKeyOf(req(p)), p).toBeNull();
    expect(cacheKeyOf(req("/apis"))).toBe("/apis");
  });
});

describe("negotiate", () => {
  const all = { br: true, gzip: true };
  it("prefers br, then gzip, then identity, among the variants made so far", () => {
    expect(negotiate("gzip, deflate, br", all)).toBe("br");
    expect(negotiate("gzip, deflate, br", { gzip: true })).toBe("gzip");
    expect(negotiate("gzip, deflate, br", {})).toBe("identity");
    expect(negotiate("gzip", all)).toBe("gzip");
    expect(negotiate("*", all)).toBe("br");
    expect(negotiate(undefined, all)).toBe("identity");
    expect(negotiate("identity", all)).toBe("identity");
  });
  it("honours q=0", () => {
    expect(negotiate("br;q=0, gzip", all)).toBe("gzip");
    expect(negotiate("br;q=0, gzip;q=0", all)).toBe("identity");
    expect(negotiate("br;q=0.5", all)).toBe("br");
  });
});

function capture(cache: PageCache, key: string, body = `<p>${key}</p>`, over: http.OutgoingHttpHeaders = {}) {
  const c = cache.begin(key);
  const entry = cache.store(c, {
    headers: pageHeaders(over),
    body: Buffer.from(body),
    placeholder: PLACEHOLDER,
  });
  c.settle(entry);
  return entry;
}

describe("PageCache", () => {
  it("stores a page with the render placeholder replaced by the public marker", () => {
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    capture(cache, "/a", `<script nonce="${PLACEHOLDER}">x</script>${PLACEHOLDER}`);
    const body = cache.fresh("/a")?.identity.body.toString();
    expect(body).toBe(`<script nonce="${PUBLIC_RENDER_MARKER}">x</script>${PUBLIC_RENDER_MARKER}`);
    expect(PUBLIC_RENDER_MARKER).toHaveLength(PLACEHOLDER.length);
  });

  it("tells an article page's script that its request was the view, when views are counted so", () => {
    const header = (cache: PageCache, key: string) => {
      const hit = cache.fresh(key)?.identity.hit ?? [];
      const at = hit.indexOf("server-timing");
      return at === -1 ? undefined : hit[at + 1];
    };
    const counting = new PageCache({ maxBytes: 1 << 20, compress: false, countsViews: true });
    for (const key of [
      "/posts/abc123",
      "/posts/abc123?utm_source=wechat",
      "/",
      "/tag/web",
      "/posts/abc123/older",
    ])
      capture(counting, key);
    expect(header(counting, "/posts/abc123")).toBe("bl-view");
    expect(header(counting, "/posts/abc123?utm_source=wechat")).toBe("bl-view");
    for (const key of ["/", "/tag/web", "/posts/abc123/older"])
      expect(header(counting, key), key).toBeUndefined();
    // and the entry says so to the server, which logs the view of each hit of it (view-log.mjs)
    expect(
      ["/posts/abc123", "/posts/abc123?utm_source=wechat", "/", "/tag/web", "/posts/abc123/older"].map(
        (k) => counting.fresh(k)?.view?.toString() ?? null,
      ),
    ).toEqual(["/posts/abc123", "/posts/abc123", null, null, null]);
    // BYLINE_VIEWS=beacon: every page sends the beacon
    const beacon = new PageCache({ maxBytes: 1 << 20, compress: false });
    capture(beacon, "/posts/abc123");
    expect(header(beacon, "/posts/abc123")).toBeUndefined();
    expect(beacon.fresh("/posts/abc123")?.view).toBeNull();
  });

  it("keeps entries within the byte bound, dropping the least recently used", () => {
    const page = "x".repeat(10_000);
    const cache = new PageCache({ maxBytes: 35_000, compress: false });
    capture(cache, "/1", page);
    capture(cache, "/2", page);
    capture(cache, "/3", page);
    expect(cache.fresh("/1")).toBeDefined(); // now the most recently used
    capture(cache, "/4", page);
    expect(cache.bytes).toBeLessThanOrEqual(35_000);
    expect(cache.fresh("/2")).toBeUndefined();
    expect(cache.fresh("/1")).toBeDefined();
    expect(cache.fresh("/4")).toBeDefined();
    capture(cache, "/huge", "y".repeat(40_000));
    expect(cache.fresh("/huge")).toBeUndefined();
  });

  it("keeps an entry fresh for the page's s-maxage, then stale until replaced", () => {
    let now = 1_000_000;
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false, now: () => now });
    capture(cache, "/a");
    now += 59_999;
    expect(cache.fresh("/a")).toBeDefined();
    now += 1;
    expect(cache.fresh("/a")).toBeUndefined();
    expect(cache.stale("/a")).toBeDefined(); // served while a capture refreshes it
    capture(cache, "/a");
    expect(cache.fresh("/a")).toBeDefined();
    cache.invalidated(["any"]);
    expect(cache.stale("/a")).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it("drops entries whose Next.js tags are invalidated, and those with tags unknown on any invalidation", () => {
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    cache.tagged("/posts/a", ["_N_T_/posts/a", "article:a", "settings"]);
    cache.tagged("/posts/b", ["_N_T_/posts/b", "article:b", "settings"]);
    cache.tagged("/", ["_N_T_/index", "articles"]);
    capture(cache, "/posts/a");
    capture(cache, "/posts/b?utm=x");
    capture(cache, "/");
    capture(cache, "/no-tags-known");
    // what a preload renders again: the pages dropped, most recently read first
    expect(cache.invalidated(["article:a"])).toEqual(["/no-tags-known", "/posts/a"]);
    expect(cache.fresh("/posts/a")).toBeUndefined();
    expect(cache.fresh("/no-tags-known")).toBeUndefined();
    expect(cache.fresh("/posts/b?utm=x")).toBeDefined();
    expect(cache.fresh("/")).toBeDefined();
    cache.invalidated(["settings"]);
    expect(cache.fresh("/posts/b?utm=x")).toBeUndefined();
    expect(cache.fresh("/")).toBeDefined();
  });

  it("learns the tags of a page whose path is percent-encoded in the request", () => {
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    cache.tagged("/tag/漏洞", ["tag:漏洞"]);
    capture(cache, `/tag/${encodeURIComponent("漏洞")}`);
    cache.invalidated(["other"]);
    expect(cache.fresh(`/tag/${encodeURIComponent("漏洞")}`)).toBeDefined();
  });

  it("does not store a capture that began before an invalidation of one of its tags", () => {
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    cache.tagged("/posts/a", ["article:a"]);
    const c = cache.begin("/posts/a");
    expect(cache.pending("/posts/a")).toBe(c.promise);
    cache.invalidated(["article:a"]);
    cache.tagged("/posts/a", ["article:a"]);
    const entry = cache.store(c, {
      headers: pageHeaders(),
      body: Buffer.from("old"),
      placeholder: PLACEHOLDER,
    });
    c.settle(entry);
    expect(entry.identity.body.toString()).toBe("old"); // still served to the waiters
    expect(cache.fresh("/posts/a")).toBeUndefined();
    expect(cache.pending("/posts/a")).toBeUndefined();
  });

  it("keeps no capture of a page Next.js rendered before an invalidation, and drops one kept", () => {
    // a preload's request joined by Next.js to a render that began before the invalidation: the
    // capture began after it, so only the hook's word (staleRender) tells it holds the old page
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    for (const path of ["/", "/posts/a", "/posts/b"]) cache.tagged(path, ["categories"]);
    const late = cache.begin("/");
    const other = cache.begin("/posts/b");
    capture(cache, "/posts/a?utm=x");
    capture(cache, "/posts/a");
    capture(cache, "/posts/a?utm=y");
    // what the preload renders again: the bare path first
    expect(cache.staleRender("/posts/a", ["categories"])).toEqual([
      "/posts/a",
      "/posts/a?utm=y",
      "/posts/a?utm=x",
    ]);
    expect(cache.staleRender("/", ["categories"])).toEqual(["/"]);
    expect(cache.fresh("/posts/a")).toBeUndefined();
    expect(cache.fresh("/posts/a?utm=x")).toBeUndefined();
    late.settle(
      cache.store(late, { headers: pageHeaders(), body: Buffer.from("old"), placeholder: PLACEHOLDER }),
    );
    expect(cache.fresh("/")).toBeUndefined();
    // another page's capture, and a page stored after, are kept
    other.settle(
      cache.store(other, { headers: pageHeaders(), body: Buffer.from("b"), placeholder: PLACEHOLDER }),
    );
    expect(cache.fresh("/posts/b")).toBeDefined();
    capture(cache, "/");
    expect(cache.fresh("/")).toBeDefined();
    // tags the page does not have leave it
    expect(cache.staleRender("/", ["settings"])).toEqual([]);
    expect(cache.fresh("/")).toBeDefined();
  });

  it("stores an HTML page's run of flight scripts as one script: one hash in the policy", () => {
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    const flight = [0, 1, 2].map((i) => `<script nonce="${PLACEHOLDER}">self.__next_f.push([${i}])</script>`);
    const entry = capture(cache, "/a", `<main>t</main>${flight.join("")}`);
    expect(entry.identity.body.toString()).toBe(
      `<main>t</main><script nonce="${PUBLIC_RENDER_MARKER}">self.__next_f.push([0])\n;self.__next_f.push([1])\n;self.__next_f.push([2])</script>`,
    );
    const policy = entry.identity.hit[entry.identity.hit.indexOf("content-security-policy") + 1];
    expect(policy?.match(/'sha256-/g)).toHaveLength(2); // React's shell script and the joined one
    // anything but HTML is stored as it came
    const feed = capture(cache, "/feed.xml", flight.join(""), { "content-type": "application/rss+xml" });
    expect(feed.identity.body.toString().match(/<script/g)).toHaveLength(3);
  });

  it("builds a hash policy: the shipped inline scripts by hash, 'self', no nonce", () => {
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    const entry = capture(cache, "/a", `<script nonce="${PLACEHOLDER}">a()</script><script>b()</script>`);
    const h = Object.fromEntries(
      entry.identity.hit.flatMap((v, i, a) => (i % 2 ? [] : [[v, a[i + 1]]])),
    ) as Record<string, string>;
    expect(h["content-security-policy"]).toMatch(
      /^default-src 'self'; script-src 'self' 'sha256-shell=' 'sha256-[^']+' 'sha256-[^']+'; object-src 'none'$/,
    );
    expect(h["content-security-policy"]).not.toContain("nonce");
    expect(h["vary"]).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(h["x-byline-cache"]).toBe("HIT");
    expect(h["x-nextjs-cache"]).toBeUndefined();
    expect(h["content-length"]).toBe(String(entry.identity.body.length));
  });
});

// A stand-in for Next.js behind the page cache: counts renders, answers after a short render time.
afterEach(closeServers);

const get = getRaw;

describe("createPageCacheHandler", () => {
  it("sends 50 concurrent requests for a missing page to Next.js once: one MISS, 49 HITs", async () => {
    const cache = new PageCache({ maxBytes: 1 << 20 });
    const next = fakeNext(() => pageHeaders({ "x-nextjs-cache": "MISS" }));
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
    );
    const all = await Promise.all(Array.from({ length: 50 }, () => get(`${base}/posts/a`)));
    expect(next.renders()).toBe(1);
    const states = all.map((r) => r.headers["x-byline-cache"]);
    expect(states.filter((s) => s === "MISS")).toHaveLength(1);
    expect(states.filter((s) => s === "HIT")).toHaveLength(49);
    for (const r of all) {
      expect(r.body.toString()).toBe(`<html><script>self.x=1</script>${PUBLIC_RENDER_MARKER}</html>`);
      expect(r.headers["content-security-policy"]).toContain("script-src 'self' 'sha256-");
    }
  });

  it("hands a page it may not store to the normal path, and so do the requests that waited", async () => {
    const cache = new PageCache({ maxBytes: 1 << 20 });
    const next = fakeNext(() => pageHeaders({ "x-nextjs-cache": "STALE" }));
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
    );
    const all = await Promise.all(Array.from({ length: 5 }, () => get(`${base}/posts/a`)));
    expect(next.renders()).toBe(5);
    for (const r of all) expect(r.body.toString()).toContain(PLACEHOLDER); // the nonce path's job
    expect(cache.size).toBe(0);
  });

  it("never stores a private, cookie-setting or non-HTML response", async () => {
    for (const over of [
      { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" },
      { "set-cookie": "a=1" },
      { "content-type": "application/json" },
      { "x-nextjs-cache": undefined },
    ]) {
      const cache = new PageCache({ maxBytes: 1 << 20 });
      const next = fakeNext(() => pageHeaders(over));
      const base = await serve(
        createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
      );
      await get(`${base}/x`);
      await get(`${base}/x`);
      expect(next.renders(), JSON.stringify(over)).toBe(2);
    }
  });

  it("sends a client that takes brotli alone (the front asks for one coding) brotli, never the identity bytes", async () => {
    const cache = new PageCache({ maxBytes: 1 << 20 });
    const body = `<html>${"<p>新闻</p>".repeat(5000)}</html>`;
    const next = fakeNext(() => pageHeaders(), body);
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
    );
    const all = await Promise.all(
      Array.from({ length: 3 }, () => get(`${base}/b`, { "accept-encoding": "br" })),
    );
    expect(all.map((r) => r.headers["x-byline-cache"]).sort()).toEqual(["HIT", "HIT", "MISS"]);
    for (const r of all) {
      expect(r.headers["content-encoding"]).toBe("br");
      expect(zlib.brotliDecompressSync(r.body).toString()).toBe(body);
    }
    expect(next.renders()).toBe(1);
  });

  it("serves the precompressed variants it negotiates, with their own ETags, and 304 on a match", async () => {
    const cache = new PageCache({ maxBytes: 1 << 20 });
    const body = `<html>${"<p>新闻</p>".repeat(500)}</html>`;
    const next = fakeNext(() => pageHeaders(), body);
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
    );
    const miss = await get(`${base}/`, { "accept-encoding": "gzip, br" });
    // the storing request waits for compression instead of getting the identity bytes: gzip, or br
    // when that was ready too by then (a busy machine schedules the two as it likes)
    expect(miss.headers["x-byline-cache"]).toBe("MISS");
    const encoding = miss.headers["content-encoding"];
    expect(["gzip", "br"]).toContain(encoding);
    const unzip = encoding === "br" ? zlib.brotliDecompressSync : zlib.gunzipSync;
    expect(unzip(miss.body).toString()).toBe(body);
    expect(miss.headers.vary).toContain("Accept-Encoding");
    await expect
      .poll(
        async () => (await get(`${base}/`, { "accept-encoding": "gzip, br" })).headers["content-encoding"],
      )
      .toBe("br");
    const br = await get(`${base}/`, { "accept-encoding": "gzip, br" });
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(body);
    expect(br.headers["content-length"]).toBe(String(br.body.length));
    const gz = await get(`${base}/`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(body);
    const plain = await get(`${base}/`);
    expect(plain.body.toString()).toBe(body);
    const etags = new Set([br, gz, plain].map((r) => r.headers.etag));
    expect(etags.size).toBe(3);
    const again = await get(`${base}/`, {
      "accept-encoding": "gzip",
      "if-none-match": String(gz.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(gz.headers.etag);
    const other = await get(`${base}/`, {
      "accept-encoding": "gzip",
      "if-none-match": String(plain.headers.etag),
    });
    expect(other.status).toBe(200);
    expect(next.renders()).toBe(1);
  });

  it("past s-maxage, one request asks Next.js again while the others get the expired page", async () => {
    let now = 1_000_000;
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false, now: () => now });
    let state = "MISS";
    const next = fakeNext(() => pageHeaders({ "x-nextjs-cache": state }), undefined, 500);
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
    );
    await get(`${base}/s`);
    now += 61_000;
    state = "STALE"; // Next.js regenerates in the background and answers with the old page
    const during = await Promise.all(Array.from({ length: 10 }, () => get(`${base}/s`)));
    expect(next.renders()).toBe(2);
    expect(during.filter((r) => r.headers["x-byline-cache"] === "HIT")).toHaveLength(9);
    expect(during.filter((r) => r.headers["x-byline-cache"] === undefined)).toHaveLength(1); // the nonce path
    // Next.js said its copy is stale: the expired entry is that copy, served for a second more
    // instead of sending every reader through Next.js until its background render lands
    state = "HIT";
    expect((await get(`${base}/s`)).headers["x-byline-cache"]).toBe("HIT");
    expect(next.renders()).toBe(2);
    now += 1_001;
    expect((await get(`${base}/s`)).headers["x-byline-cache"]).toBe("MISS");
    expect((await get(`${base}/s`)).headers["x-byline-cache"]).toBe("HIT");
    expect(next.renders()).toBe(3);
  });

  it("does not keep an expired page past a refusal that is not Next.js' stale copy", async () => {
    let now = 1_000_000;
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false, now: () => now });
    let over: http.OutgoingHttpHeaders = {};
    const next = fakeNext(() => pageHeaders(over), undefined, 1);
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
    );
    await get(`${base}/s`);
    now += 61_000;
    over = { "cache-control": "private, no-store" }; // the page became personal, say
    expect((await get(`${base}/s`)).headers["x-byline-cache"]).toBeUndefined();
    expect((await get(`${base}/s`)).headers["x-byline-cache"]).toBeUndefined();
    expect(next.renders()).toBe(3);
  });

  it("answers HEAD from an entry but never captures for it", async () => {
    const cache = new PageCache({ maxBytes: 1 << 20 });
    const next = fakeNext(() => pageHeaders());
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
    );
    const head = (url: string) =>
      new Promise<http.IncomingMessage>((resolve) =>
        http.request(url, { method: "HEAD", agent: false }, resolve).end(),
      );
    await head(`${base}/h`);
    expect(cache.size).toBe(0);
    await get(`${base}/h`);
    const res = await head(`${base}/h`);
    expect(res.headers["x-byline-cache"]).toBe("HIT");
    expect(next.renders()).toBe(2);
  });
});

describe("createHitPath: a fresh page before any per-request work", () => {
  type Hit = { url?: string; status: number; seconds: number };
  async function setup() {
    let now = 1_000_000;
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false, now: () => now });
    const hits: Hit[] = [];
    const serveHit = createHitPath({
      cache,
      onHit: (r, _entry, status, seconds) => hits.push({ url: r.url, status, seconds }),
    });
    const next = fakeNext(() => pageHeaders(), undefined, 1);
    const rest = createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn });
    // what http-server.mjs does: the hit path first, then everything else (the request id, the
    // guard, the page cache's other cases), whose requests are listed here
    const passed: string[] = [];
    const base = await serve((r, res) => {
      if (serveHit(r, res)) return;
      passed.push(`${r.method} ${r.url}`);
      rest(r, res);
    });
    return { cache, hits, next, base, passed, later: (ms: number) => (now += ms) };
  }

  it("sends a fresh page from memory, 304 on a matching ETag, and reports each hit", async () => {
    const { hits, next, base, passed } = await setup();
    expect((await get(`${base}/posts/a`)).headers["x-byline-cache"]).toBe("MISS");
    const hit = await get(`${base}/posts/a`);
    expect(hit.status).toBe(200);
    expect(hit.headers["x-byline-cache"]).toBe("HIT");
    expect(hit.body.toString()).toContain(PUBLIC_RENDER_MARKER);
    const again = await get(`${base}/posts/a`, { "if-none-match": String(hit.headers.etag) });
    expect(again.status).toBe(304);
    const head = await new Promise<http.IncomingMessage>((resolve) =>
      http.request(`${base}/posts/a`, { method: "HEAD", agent: false }, resolve).end(),
    );
    expect(head.headers["x-byline-cache"]).toBe("HIT");
    expect(head.headers["content-length"]).toBe(hit.headers["content-length"]);
    expect(passed).toEqual(["GET /posts/a"]);
    expect(next.renders()).toBe(1);
    expect(hits.map(({ url, status }) => [url, status])).toEqual([
      ["/posts/a", 200],
      ["/posts/a", 304],
      ["/posts/a", 200],
    ]);
    for (const h of hits) expect(h.seconds).toBeGreaterThanOrEqual(0);
  });

  it("leaves to the rest: an expired page, a request with a body, the Content API, a signed-in reader, a POST", async () => {
    const { hits, base, later, cache, passed } = await setup();
    await get(`${base}/posts/a`);
    const send = (method: string, headers: Record<string, string>, body?: string) =>
      new Promise<http.IncomingMessage>((resolve) =>
        http.request(`${base}/posts/a`, { method, headers, agent: false }, resolve).end(body),
      ).then((res) => (res.resume(), res));
    const bodied = await send("GET", { "content-length": "2" }, "hi");
    expect(bodied.headers["x-byline-cache"]).toBe("HIT"); // the rest answers it from memory too
    await get(`${base}/posts/a`, { cookie: "authjs.session-token=x" });
    await get(`${base}/posts/a`, { rsc: "1" });
    await send("POST", {});
    const api = cache.begin("/api/v1/articles");
    api.settle(
      cache.store(api, {
        headers: { "content-type": "application/json", etag: '"e1"', "cache-control": "public, max-age=60" },
        body: Buffer.from("{}"),
        placeholder: PLACEHOLDER,
      }),
    );
    expect((await get(`${base}/api/v1/articles`)).headers["x-byline-cache"]).toBe("HIT");
    later(61_000);
    await get(`${base}/posts/a`);
    expect(passed).toEqual([
      "GET /posts/a",
      "GET /posts/a",
      "GET /posts/a",
      "GET /posts/a",
      "POST /posts/a",
      "GET /api/v1/articles",
      "GET /posts/a",
    ]);
    expect(hits).toEqual([]);
  });
});

describe("Content API answers in the page cache", () => {
  const json = JSON.stringify({ data: [{ publicId: "a1", title: "新闻" }], next_cursor: null });
  const ETAG = '"c2hhMjU2LW9mLXRoZS1leGFjdC1ieXRlcw"';
  // what lib/api/respond.ts cacheableJson sends
  const apiHeaders = (over: http.OutgoingHttpHeaders = {}): http.OutgoingHttpHeaders => ({
    "content-type": "application/json; charset=utf-8",
    "x-content-type-options": "nosniff",
    etag: ETAG,
    "cache-control": "public, max-age=60",
    "access-control-allow-origin": "*",
    "access-control-expose-headers": "ETag, Retry-After",
    ...over,
  });

  it("keys Content API GETs, never the Admin API or a request with credentials", () => {
    expect(cacheKeyOf(req("/api/v1/articles?limit=20"))).toBe("/api/v1/articles?limit=20");
    expect(cacheKeyOf(req("/api/v1/tags", {}, "HEAD"))).toBe("/api/v1/tags");
    expect(cacheKeyOf(req("/api/v1/administrators"))).toBe("/api/v1/administrators");
    for (const url of [
      "/api/v1/admin/articles",
      "/api/v1/admin",
      "/api/v1/admin?x=1",
      "/api/v2/x",
      "/api/v1",
    ])
      expect(cacheKeyOf(req(url)), url).toBeNull();
    expect(cacheKeyOf(req("/api/v1/articles", { authorization: "Bearer x" }))).toBeNull();
    expect(cacheKeyOf(req("/api/v1/articles", {}, "OPTIONS"))).toBeNull();
  });

  it("stores the answer byte for byte with its ETag, CORS on 304s too, fresh for max-age", async () => {
    let now = 1_000_000;
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false, now: () => now });
    const body = `${json}${PLACEHOLDER}`; // never rewritten: the ETag hashes these bytes
    const next = fakeNext(() => apiHeaders(), body);
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn }),
    );
    const miss = await get(`${base}/api/v1/articles`);
    const hit = await get(`${base}/api/v1/articles`);
    for (const r of [miss, hit]) {
      expect(r.status).toBe(200);
      expect(r.body.toString()).toBe(body);
      expect(r.headers.etag).toBe(ETAG);
      expect(r.headers["access-control-allow-origin"]).toBe("*");
      expect(r.headers["cache-control"]).toBe("public, max-age=60");
      expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(r.headers["content-security-policy"]).toBeUndefined();
    }
    expect(hit.headers["x-byline-cache"]).toBe("HIT");
    const notModified = await get(`${base}/api/v1/articles`, { "if-none-match": `W/${ETAG}` });
    expect(notModified.status).toBe(304);
    expect(notModified.headers).toMatchObject({
      etag: ETAG,
      "cache-control": "public, max-age=60",
      "access-control-allow-origin": "*",
      "access-control-expose-headers": "ETag, Retry-After",
    });
    expect(next.renders()).toBe(1);
    now += 60_000;
    await get(`${base}/api/v1/articles`);
    expect(next.renders()).toBe(2);
  });

  it("drops Content API answers on any invalidation (their tags are unknown)", () => {
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    const c = cache.begin("/api/v1/articles");
    c.settle(cache.store(c, { headers: apiHeaders(), body: Buffer.from(json), placeholder: PLACEHOLDER }));
    expect(cache.fresh("/api/v1/articles")).toBeDefined();
    cache.invalidated(["comments:x"]);
    expect(cache.fresh("/api/v1/articles")).toBeUndefined();
  });

  it("never stores an error, a private answer, one without ETag or a cookie", async () => {
    for (const [status, over] of [
      [400, {}],
      [200, { "cache-control": "private, no-store" }],
      [200, { "cache-control": "max-age=60" }],
      [200, { etag: undefined }],
      [200, { "set-cookie": "a=1" }],
      [200, { "content-type": "text/html" }],
    ] as const) {
      const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
      const passOn = (
        _req: http.IncomingMessage,
        res: http.ServerResponse,
        outer?: (r: http.ServerResponse) => void,
      ) => {
        outer?.(res);
        for (const [k, v] of Object.entries(apiHeaders(over))) if (v !== undefined) res.setHeader(k, v);
        res.writeHead(status);
        res.end(json);
      };
      const base = await serve(createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn }));
      await get(`${base}/api/v1/articles`);
      expect(cache.size, JSON.stringify([status, over])).toBe(0);
    }
  });

  it("counts every Content API request, hit or miss, before the cache; pages are not counted", async () => {
    const cache = new PageCache({ maxBytes: 1 << 20, compress: false });
    const next = fakeNext(() => apiHeaders(), json, 1);
    const counted: string[] = [];
    const limitContentApi = (r: http.IncomingMessage, res: http.ServerResponse) => {
      counted.push(r.url!);
      if (counted.length <= 2) return false;
      res.writeHead(429).end();
      return true;
    };
    const base = await serve(
      createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: next.passOn, limitContentApi }),
    );
    expect((await get(`${base}/api/v1/articles`)).status).toBe(200);
    expect((await get(`${base}/api/v1/articles`)).headers["x-byline-cache"]).toBe("HIT");
    expect((await get(`${base}/api/v1/articles`)).status).toBe(429);
    await get(`${base}/api/v1/admin/articles`);
    await get(`${base}/posts/a`);
    expect(counted).toEqual(["/api/v1/articles", "/api/v1/articles", "/api/v1/articles"]);
  });
});
