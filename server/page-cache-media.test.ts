import http from "node:http";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createHitPath, createPageCacheHandler } from "./page-cache-capture.mjs";
import { cacheKeyOf, MEDIA_MAX_BYTES, PageCache } from "./page-cache.mjs";
import { getRaw } from "./test/http-client";
import { closeServers, PLACEHOLDER, serve } from "./test/page-cache-fixtures";

afterEach(closeServers);

const req = (url: string, headers: Record<string, string> = {}, method = "GET") =>
  ({ url, method, headers }) as unknown as http.IncomingMessage;

const KEY = `/media/ab/${"ab".repeat(32)}`;
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
// what app/media/[...key]/route.ts sends
const mediaHeaders = (type: string, over: http.OutgoingHttpHeaders = {}): http.OutgoingHttpHeaders => ({
  "content-type": type,
  "cache-control": "public, max-age=31536000, immutable",
  "x-content-type-options": "nosniff",
  "content-security-policy": POLICY,
  ...over,
});

/** A stand-in for the media route: `body` in two writes, Content-Length unless `chunked`. */
function fakeMedia(body: Buffer, headers: http.OutgoingHttpHeaders, { status = 200, chunked = false } = {}) {
  let renders = 0;
  const passOn = (
    _req: http.IncomingMessage,
    res: http.ServerResponse,
    outer?: (r: http.ServerResponse) => void,
  ) => {
    renders++;
    outer?.(res);
    setTimeout(() => {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
      if (!chunked) res.setHeader("content-length", body.length);
      res.writeHead(status);
      res.write(body.subarray(0, 7));
      res.end(body.subarray(7));
    }, 20);
  };
  return { passOn, renders: () => renders };
}

/** Bytes no UTF-8 round trip survives, with the render placeholder in them (never rewritten). */
const binary = (size: number) => {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 131 + 7) % 256;
  b.write(PLACEHOLDER, 100, "latin1");
  return b;
};

describe("uploaded images in the page cache", () => {
  it("keys an image by its path, whatever the cookies; nothing else under /media/", () => {
    expect(cacheKeyOf(req(`${KEY}.webp`))).toBe(`${KEY}.webp`);
    expect(cacheKeyOf(req(`${KEY}.svg`, { cookie: "authjs.session-token=x" }))).toBe(`${KEY}.svg`);
    expect(cacheKeyOf(req(`${KEY}.png`, {}, "HEAD"))).toBe(`${KEY}.png`);
    for (const url of [`${KEY}.exe`, `${KEY}.webp?x=1`, "/media/ab/cd.webp", `/media/${"ab".repeat(32)}.png`])
      expect(cacheKeyOf(req(url)), url).toBeNull();
    expect(cacheKeyOf(req(`${KEY}.png`, {}, "POST"))).toBeNull();
  });

  it("stores an image byte for byte with its route's policy: one request to the route, then hits", async () => {
    const cache = new PageCache({ maxBytes: 4 << 20, compress: false });
    const body = binary(64 * 1024);
    const route = fakeMedia(body, mediaHeaders("image/webp"), { chunked: true });
    const serveHit = createHitPath({ cache });
    const handler = createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: route.passOn });
    const base = await serve((rq, rs) => {
      if (!serveHit(rq, rs)) handler(rq, rs);
    });
    const answers = await Promise.all(Array.from({ length: 10 }, () => getRaw(`${base}${KEY}.webp`)));
    answers.push(await getRaw(`${base}${KEY}.webp`));
    for (const r of answers) {
      expect(r.status).toBe(200);
      expect(r.body.equals(body)).toBe(true);
      expect(r.headers["content-type"]).toBe("image/webp");
      expect(r.headers["content-security-policy"]).toBe(POLICY);
      expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(r.headers["content-encoding"]).toBeUndefined();
    }
    expect(answers.at(-1)!.headers["x-byline-cache"]).toBe("HIT");
    expect(route.renders()).toBe(1);
    // a change of content drops pages, never an image: its key's bytes never change
    cache.invalidated(["articles", "settings"]);
    expect((await getRaw(`${base}${KEY}.webp`)).headers["x-byline-cache"]).toBe("HIT");
    expect(route.renders()).toBe(1);
  });

  it("compresses an SVG, not a raster image", async () => {
    const cache = new PageCache({ maxBytes: 4 << 20 });
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${"<g/>".repeat(500)}</svg>`);
    const png = binary(4096);
    const routes: Record<string, ReturnType<typeof fakeMedia>> = {
      png: fakeMedia(png, mediaHeaders("image/png")),
      svg: fakeMedia(svg, mediaHeaders("image/svg+xml")),
    };
    const base = await serve(
      createPageCacheHandler({
        cache,
        placeholder: PLACEHOLDER,
        passOn: (rq, rs, outer) => routes[rq.url!.slice(-3)]!.passOn(rq, rs, outer),
      }),
    );
    const br = (ext: string) => getRaw(`${base}${KEY}.${ext}`, { "accept-encoding": "br" });
    // the PNG stored first: by the time the SVG's brotli is made, a PNG's would have been too
    await getRaw(`${base}${KEY}.png`);
    await getRaw(`${base}${KEY}.svg`);
    await expect.poll(async () => (await br("svg")).headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync((await br("svg")).body).equals(svg)).toBe(true);
    const r = await br("png");
    expect(r.headers["x-byline-cache"]).toBe("HIT");
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.body.equals(png)).toBe(true);
  });

  it("never stores a large image (sized or chunked), an error, one not immutable or setting a cookie", async () => {
    const large = binary(MEDIA_MAX_BYTES + 1);
    for (const [body, headers, options] of [
      [large, mediaHeaders("image/png"), {}],
      [large, mediaHeaders("image/png"), { chunked: true }],
      [binary(1000), mediaHeaders("image/png"), { status: 404 }],
      [binary(1000), mediaHeaders("image/png", { "cache-control": "public, max-age=60" }), {}],
      [binary(1000), mediaHeaders("image/png", { "set-cookie": "a=1" }), {}],
      [binary(1000), mediaHeaders("text/html"), {}],
    ] as const) {
      const cache = new PageCache({ maxBytes: 4 << 20, compress: false });
      const route = fakeMedia(body, headers, options);
      const base = await serve(
        createPageCacheHandler({ cache, placeholder: PLACEHOLDER, passOn: route.passOn }),
      );
      const first = await getRaw(`${base}${KEY}.png`);
      // whatever was not stored still reached the reader whole
      expect(first.body.equals(body)).toBe(true);
      await getRaw(`${base}${KEY}.png`);
      expect(cache.size, JSON.stringify([body.length, headers, options])).toBe(0);
      expect(route.renders()).toBe(2);
    }
  });
});
