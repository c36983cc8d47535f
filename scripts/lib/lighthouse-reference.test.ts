import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRaw, listen } from "@/server/test/http-client";
import { recommendedSlowdown, scriptFreePage, withoutScripts } from "./lighthouse-reference.mjs";

describe("recommendedSlowdown", () => {
  it("follows Lighthouse's calculator: 1,533 is the mobile preset's 4×", () => {
    expect(recommendedSlowdown(1533)).toBeCloseTo(4, 5);
    expect(recommendedSlowdown(1300)).toBe(3);
    expect(recommendedSlowdown(2000)).toBeCloseTo(6, 1);
    expect(recommendedSlowdown(3600)).toBeCloseTo(12.87, 2);
    expect(recommendedSlowdown(800)).toBe(2);
    expect(recommendedSlowdown(1050)).toBe(2.5);
    expect(recommendedSlowdown(150)).toBe(1);
  });

  it("has no answer without an index, or under 150 where the calculator has none", () => {
    for (const index of [NaN, 0, -5, 149, Infinity]) expect(recommendedSlowdown(index)).toBeNaN();
  });
});

const PAGE = [
  '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css" nonce="n"/>',
  '<link rel="preload" href="/_next/static/chunks/x.js" as="script" fetchPriority="low"/>',
  '<link rel="modulepreload" href="/m.js">',
  '<script src="/_next/static/chunks/y.js" async=""></script>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"a \\u003c/script b"}</script>',
  "</head><body><p>正文</p>",
  '<script nonce="n">self.__next_f.push([1,"\\u003cdiv\\u003e"])</script>',
  "<SCRIPT>alert(1)</SCRIPT >",
  "</body></html>",
].join("");

describe("withoutScripts", () => {
  it("drops every script and script preload, keeps JSON-LD, stylesheets and the content", () => {
    expect(withoutScripts(PAGE)).toBe(
      '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css" nonce="n"/>' +
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"a \\u003c/script b"}</script>' +
        "</head><body><p>正文</p></body></html>",
    );
  });

  it("leaves a page without scripts as it is: other preloads, and attributes that only end in as or type", () => {
    const plain = [
      '<html><head><link rel="stylesheet" href="/a.css">',
      '<link rel="preload" href="/f.woff2" as="font" crossorigin="">',
      '<link rel="preload" href="/a.css" as="style">',
      '<link rel="preload" href="/i.webp?as=script" data-as="script" as="image">',
      "</head><body><p>x</p></body></html>",
    ].join("");
    expect(withoutScripts(plain)).toBe(plain);
    expect(withoutScripts('<script data-type="application/ld+json">run()</script><p>x</p>')).toBe("<p>x</p>");
  });
});

describe("scriptFreePage", () => {
  let upstream: http.Server;
  let base = "";
  let requests: string[] = [];
  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url === "/posts/%E6%96%87") {
        // compressed although identity was asked, and chunked: neither header may reach the copy
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
        const gz = zlib.gzipSync(PAGE);
        res.write(gz.subarray(0, 10));
        res.end(gz.subarray(10));
      } else if (req.url === "/posts/a")
        res
          .writeHead(200, {
            "content-type": "text/html; charset=utf-8",
            "content-security-policy": "script-src 'nonce-n'",
          })
          .end(PAGE);
      else if (req.url === "/a.css") res.writeHead(200, { "content-type": "text/css" }).end("p{color:red}");
      else res.writeHead(404).end("nothing");
    });
    base = await listen(upstream);
  });
  afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

  it("answers the page without scripts, headers kept, brotli when asked; the rest passes through", async () => {
    requests = [];
    const page = await scriptFreePage(base, "/posts/a");
    try {
      expect(page.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/posts\/a$/);
      const raw = await getRaw(page.url, { "accept-encoding": "gzip, br" });
      expect(raw.headers["content-encoding"]).toBe("br");
      expect(raw.headers["content-security-policy"]).toBe("script-src 'nonce-n'");
      expect(zlib.brotliDecompressSync(raw.body).toString()).toBe(withoutScripts(PAGE));

      const identity = await fetch(page.url, { headers: { "accept-encoding": "identity" } });
      expect(identity.headers.get("content-encoding")).toBeNull();
      expect(await identity.text()).toBe(withoutScripts(PAGE));

      const css = await fetch(page.url.replace("/posts/a", "/a.css"));
      expect(css.status).toBe(200);
      expect(await css.text()).toBe("p{color:red}");
      const missing = await fetch(page.url.replace("/posts/a", "/nope"));
      expect(missing.status).toBe(404);
      // the page was read from upstream once, when the server started
      expect(requests).toEqual(["GET /posts/a", "GET /a.css", "GET /nope"]);
      expect(page.served()).toBe(2);
    } finally {
      await page.stop();
    }
  });

  it("serves a page stored compressed and chunked upstream as plain bytes, under its percent-encoded path", async () => {
    const page = await scriptFreePage(base, "/posts/文");
    try {
      const res = await fetch(new URL("/posts/%E6%96%87", page.url), {
        headers: { "accept-encoding": "identity" },
      });
      expect(res.headers.get("content-encoding")).toBeNull();
      expect(res.headers.get("transfer-encoding")).toBeNull();
      expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(withoutScripts(PAGE)));
      expect(await res.text()).toBe(withoutScripts(PAGE));
      expect(page.served()).toBe(1);
    } finally {
      await page.stop();
    }
  });

  it("answers 502 for what it cannot pass on", async () => {
    const page = await scriptFreePage(base, "/posts/a");
    await new Promise<void>((r) => upstream.close(() => r()));
    try {
      expect((await fetch(page.url.replace("/posts/a", "/a.css"))).status).toBe(502);
    } finally {
      await page.stop();
      await new Promise<void>((r) => upstream.listen(Number(new URL(base).port), "127.0.0.1", r));
    }
  });

  it("refuses to start on a page the server does not answer, or a base it cannot pass on to", async () => {
    await expect(scriptFreePage("https://127.0.0.1:1", "/")).rejects.toThrow(/needs an http:\/\/ server/);
    await expect(scriptFreePage(base, "/gone")).rejects.toThrow(/answered 404/);
  });
});
