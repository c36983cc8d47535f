import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import { describe, expect, it } from "vitest";
import {
  APP_PAGE,
  installPageCacheHook,
  loadFileSystemCache,
  NEXT_CACHE_HANDLERS,
  NEXT_FILE_SYSTEM_CACHE,
  pagePathOf,
  subscribePageCacheEvents,
} from "./page-cache-hook.mjs";
import { hashScript, trustedInlineScripts } from "./trusted-inline-scripts.mjs";

describe("the Next.js internals the production server hooks", () => {
  // If this fails after a Next.js upgrade: production pages would lose their inline scripts' nonces
  // (no hydration) or the server would not start. See docs/request-path.md, "Next.js internals".
  it(`finds Next.js' file-system page cache at ${NEXT_FILE_SYSTEM_CACHE}`, () => {
    expect(
      () => loadFileSystemCache(),
      "Next.js moved its file-system cache: update server/page-cache-hook.mjs",
    ).not.toThrow();
  });
  it("stores App Router pages under the entry kind the hook looks for", () => {
    const types = "next/dist/server/response-cache/types.js";
    const { CachedRouteKind } = createRequire(import.meta.url)(types) as {
      CachedRouteKind?: Record<string, string>;
    };
    expect(
      CachedRouteKind?.APP_PAGE,
      `Next.js renamed CachedRouteKind.APP_PAGE (${types}): update APP_PAGE in server/page-cache-hook.mjs`,
    ).toBe(APP_PAGE);
  });
});

describe("the compiled runtimes' copies of FileSystemCache", () => {
  // Pages and server actions run in compiled runtimes with their own FileSystemCache; they take
  // the handler from the global slot instead when it holds a FetchCache. If this fails after an
  // upgrade, the hook no longer sees pages stored or tags invalidated (page cache, ISR race fix).
  const req = createRequire(import.meta.url);
  for (const runtime of ["app-page-turbo.runtime.prod.js", "app-route-turbo.runtime.prod.js"]) {
    it(`${runtime} takes its cache handler from globalThis[Symbol.for("@next/cache-handlers")].FetchCache`, () => {
      const source = fs.readFileSync(req.resolve(`next/dist/compiled/next-server/${runtime}`), "utf8");
      const at = source.indexOf("IncrementalCache: using global FetchCache cache handler");
      expect(
        at,
        `${runtime} no longer reads a global FetchCache: update server/page-cache-hook.mjs`,
      ).toBeGreaterThan(-1);
      expect(source.slice(Math.max(0, at - 400), at)).toMatch(
        /Symbol\.for\("@next\/cache-handlers"\)[\s\S]*\.FetchCache/,
      );
    });
  }
  it("app-page-turbo.runtime.prod.js answers a render's joined requests only once the page cache's set() has returned", () => {
    // staleRender rests on it: the hook tells the page cache of a late render inside set(), before
    // any request Next.js joined to that render is answered (its batcher resolves them with the
    // entry this returns)
    const source = fs.readFileSync(
      req.resolve("next/dist/compiled/next-server/app-page-turbo.runtime.prod.js"),
      "utf8",
    );
    expect(
      source,
      "Next.js' response cache no longer awaits incrementalCache.set before it returns the render: see staleRender in server/page-cache-hook.mjs",
    ).toMatch(/isMiss:![\w$]+\}\);return [\w$]+\.cacheControl&&!this\.minimal_mode&&await [\w$]+\.set\(/);
  });
  it("is replaced by the hooked class once the hook is installed", () => {
    installPageCacheHook();
    const slot = (globalThis as unknown as Record<symbol, { FetchCache?: unknown }>)[NEXT_CACHE_HANDLERS];
    expect(slot?.FetchCache).toBe(loadFileSystemCache());
  });
});

describe("installPageCacheHook", () => {
  it("stores pages like Next.js' file-system cache and reports their inline scripts first", async () => {
    const serverDistDir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-cache-"));
    installPageCacheHook();
    installPageCacheHook(); // idempotent: one recording per set
    const FileSystemCache = loadFileSystemCache();
    const cache = new FileSystemCache({
      fs: nodeFs,
      serverDistDir,
      flushToDisk: true,
      revalidatedTags: [],
      _requestHeaders: {},
    }) as InstanceType<typeof import("next/dist/server/lib/incremental-cache/file-system-cache.js").default>;
    const script = `self.__next_f.push([1,"${Date.now()}"])`;
    await cache.set(
      "/posts/regenerated",
      {
        kind: "APP_PAGE" as never,
        html: `<p>x</p><script>${script}</script>`,
        rscData: Buffer.from("0:{}"),
        headers: {},
        status: 200,
        postponed: undefined,
        segmentData: undefined,
      },
      { isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate: 60, expire: 3600 } },
    );
    expect(trustedInlineScripts().has(hashScript(script))).toBe(true);
    const entry = await cache.get("/posts/regenerated", {
      kind: "APP_PAGE" as never,
      isRoutePPREnabled: false,
      isFallback: false,
    });
    expect(entry?.value).toMatchObject({ kind: "APP_PAGE", html: expect.stringContaining(script) });
    fs.rmSync(serverDistDir, { recursive: true });
  });
});

type PageCache = {
  get(key: string, ctx: object): Promise<{ value?: unknown } | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: object): Promise<void>;
};

/** A real FileSystemCache as the production server configures it (memory store + disk). */
function realCache() {
  const serverDistDir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-race-"));
  installPageCacheHook();
  const FileSystemCache = loadFileSystemCache();
  const cache = new FileSystemCache({
    fs: nodeFs,
    serverDistDir,
    flushToDisk: true,
    maxMemoryCacheSize: 8 * 1024 * 1024,
    revalidatedTags: [],
    _requestHeaders: {},
  }) as unknown as PageCache;
  return { cache, dir: serverDistDir, cleanup: () => fs.rmSync(serverDistDir, { recursive: true }) };
}

const GET = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const SET = { isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate: 300, expire: 3600 } };
const page = (tags: string[], body: string) => ({
  kind: "APP_PAGE",
  html: `<p>${body}</p>`,
  rscData: Buffer.from("0:{}"),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
  postponed: undefined,
  segmentData: undefined,
});
const tick = () => new Promise((r) => setTimeout(r, 3));
let unique = 0;
const fresh = (name: string) => `${name}-${process.pid}-${Date.now()}-${unique++}`;

describe("the ISR race: a regeneration that began before an invalidation and is written after it", () => {
  it("is stored stale, so the next read renders again", async () => {
    const { cache, cleanup } = realCache();
    const key = `/route-cache/APP_PAGE/abc/$/posts/${fresh("race")}`;
    const tag = fresh("comments");
    await cache.set(key, page([tag], "old"), SET);
    await tick();
    await cache.revalidateTag(tag); // an earlier approval: the entry is expired
    await tick();
    expect(await cache.get(key, GET)).toBeNull(); // a reader: the regeneration starts now
    await tick();
    await cache.revalidateTag(tag); // another approval, while it renders the old comment list
    await tick();
    await cache.set(key, page([tag], "rendered before the approval"), SET);
    expect(await cache.get(key, GET)).toBeNull();
    cleanup();
  });

  it("keeps a regeneration that began after the invalidation", async () => {
    const { cache, cleanup } = realCache();
    const key = `/posts/${fresh("after")}`;
    const tag = fresh("comments");
    await cache.set(key, page([tag], "old"), SET);
    await tick();
    await cache.revalidateTag(tag);
    await tick();
    expect(await cache.get(key, GET)).toBeNull();
    await tick();
    await cache.set(key, page([tag, "other"], "new"), SET);
    await tick();
    expect((await cache.get(key, GET))?.value).toMatchObject({ html: "<p>new</p>" });
    cleanup();
  });

  it("ignores invalidations of tags the page does not have", async () => {
    const { cache, cleanup } = realCache();
    const key = `/posts/${fresh("unrelated")}`;
    const tag = fresh("comments");
    expect(await cache.get(key, GET)).toBeNull();
    await tick();
    await cache.revalidateTag(fresh("elsewhere"));
    await tick();
    await cache.set(key, page([tag], "new"), SET);
    await tick();
    expect((await cache.get(key, GET))?.value).toMatchObject({ html: "<p>new</p>" });
    cleanup();
  });

  it("tells the page cache the tags of pages read and stored, and what is invalidated", async () => {
    const { cache, cleanup } = realCache();
    const heard: string[] = [];
    const stop = subscribePageCacheEvents({
      tagged: (p, tags) => heard.push(`tagged ${p} ${tags.join(",")}`),
      invalidated: (tags) => heard.push(`invalidated ${tags.join(",")}`),
      staleRender: (p, tags) => heard.push(`stale ${p} ${tags.join(",")}`),
    });
    const tag = fresh("t");
    await cache.set(`/route-cache/APP_PAGE/abc/$/index`, page([tag], "home"), SET);
    await cache.get(`/route-cache/APP_PAGE/abc/$/index`, GET);
    await cache.revalidateTag([tag, "b"]);
    stop();
    await cache.revalidateTag(tag);
    expect(heard).toEqual([`tagged / ${tag}`, `tagged / ${tag}`, `invalidated ${tag},b`]);
    cleanup();
  });

  it("keeps a render it knows is late out of the cache, disk included, and tells the page cache before set() returns", async () => {
    const { cache, dir, cleanup } = realCache();
    const key = `/route-cache/APP_PAGE/abc/$/posts/${fresh("late")}`;
    const pagePath = pagePathOf(key);
    const tag = fresh("categories");
    const heard: string[] = [];
    const stop = subscribePageCacheEvents({
      tagged: () => {},
      invalidated: (tags) => heard.push(`invalidated ${tags.join(",")}`),
      staleRender: (p, tags) => heard.push(`stale ${p} ${tags.join(",")}`),
    });
    expect(await cache.get(key, GET)).toBeNull(); // the render starts
    await tick();
    await cache.revalidateTag([tag, "other"]); // an admin's change, while it renders
    await tick();
    // Next.js answers every request it joined to this render once set() has returned
    await cache.set(key, page([tag], "rendered before the change"), SET);
    expect(heard).toEqual([`invalidated ${tag},other`, `stale ${pagePath} ${tag}`]);
    expect(await cache.get(key, GET)).toBeNull();
    // on disk, where another worker reads what its memory lacks, the late page is not
    const onDisk = () =>
      fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => fs.readFileSync(path.join(f.parentPath, f.name), "utf8"));
    expect(onDisk().filter((text) => text.includes("before the change"))).toEqual([]);
    // a render that began after the change is no news, and is written
    await tick();
    await cache.set(key, page([tag], "new"), SET);
    stop();
    expect(heard).toHaveLength(2);
    expect((await cache.get(key, GET))?.value).toMatchObject({ html: "<p>new</p>" });
    expect(onDisk().some((text) => text.includes("<p>new</p>"))).toBe(true);
    cleanup();
  });

  it("expires a render invalidated while it is written, then tells the page cache", async () => {
    const { cache, cleanup } = realCache();
    const key = `/route-cache/APP_PAGE/abc/$/posts/${fresh("during")}`;
    const tag = fresh("categories");
    const readsWhenTold: Promise<unknown>[] = [];
    const stop = subscribePageCacheEvents({
      tagged: () => {},
      invalidated: () => {},
      // what a request Next.js answers right after set() returns would find
      staleRender: () => void readsWhenTold.push(cache.get(key, GET)),
    });
    expect(await cache.get(key, GET)).toBeNull();
    await tick();
    const written = cache.set(key, page([tag], "old"), SET);
    await cache.revalidateTag(tag); // lands while the files are written
    await written;
    stop();
    expect(readsWhenTold).toHaveLength(1);
    expect(await readsWhenTold[0]).toBeNull();
    cleanup();
  });
});

describe("pagePathOf", () => {
  it("maps Next.js' page cache keys to request paths", () => {
    expect(pagePathOf("/route-cache/APP_PAGE/0487e3/$/index")).toBe("/");
    expect(pagePathOf("/route-cache/APP_PAGE/0487e3/$/posts/689vs")).toBe("/posts/689vs");
    expect(pagePathOf("/category/新闻")).toBe("/category/新闻");
  });
});
