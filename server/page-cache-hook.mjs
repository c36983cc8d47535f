// @ts-check
// A hook on Next.js' own file-system page cache. It does three things:
//   1. every page Next.js stores tells the CSP nonce rewrite which inline scripts that page carries
//      (trusted-inline-scripts.mjs); Next.js calls set() before it sends a freshly rendered page;
//   2. it closes a race in Next.js' ISR: set() stamps an entry `lastModified: Date.now()` at WRITE
//      time, and get() treats it as fresh unless one of its tags was invalidated after that. A
//      regeneration that started before `updateTag(comments:<id>)` and is written after it would
//      be stored as fresh while holding the old data (an approved comment never showed). So the
//      hook notes when each key was first read since its last write and when each tag was
//      invalidated; a write whose tags were invalidated after that read is not written (or, when
//      the invalidation came while it was written, expired at once);
//   3. it tells the in-process page cache (page-cache.mjs) which tags each page Next.js reads or
//      stores has, which tags are invalidated, and which pages were written late as in 2
//      (subscribePageCacheEvents): Next.js answers every request for that page that arrived while
//      the render was under way with the render's bytes, from before the invalidation, though their
//      captures in the page cache began after it.
//
// A hook on Next.js' default handler rather than a `cacheHandler` in next.config.js: with a
// custom handler configured, Next.js 16.4 stopped treating a cached article page as stale after
// updateTag (an approved comment never appeared), so the default stays in charge. The price is a
// dependency on a module that is not public API: page-cache-hook.test.ts fails by name when a
// Next.js upgrade moves or reshapes it.
import { createRequire } from "node:module";
import { trustedInlineScripts } from "./trusted-inline-scripts.mjs";

/** The Next.js internal this hook patches. */
export const NEXT_FILE_SYSTEM_CACHE = "next/dist/server/lib/incremental-cache/file-system-cache.js";

/** The cache entry kind of an App Router page (Next.js' CachedRouteKind.APP_PAGE). */
export const APP_PAGE = "APP_PAGE";

/** Where Next.js keeps a page's cache tags in its entry (NEXT_CACHE_TAGS_HEADER). */
const TAGS_HEADER = "x-next-cache-tags";

/** Marks and tag times older than this are forgotten: no render takes five minutes. */
const HORIZON_MS = 5 * 60_000;

/**
 * @typedef {{ lastModified?: number, value?: unknown, cacheControl?: { revalidate?: number | false } } | null} CacheEntry
 * @typedef {{
 *   set(key: string, data: unknown, ctx: unknown): Promise<void>,
 *   get(key: string, ctx: { kind?: string }): Promise<CacheEntry>,
 *   revalidateTag(tags: string | string[], durations?: unknown): Promise<void>,
 * }} CacheMethods
 * @typedef {{ new (options: object): CacheMethods, prototype: CacheMethods }} FileSystemCacheClass
 * @typedef {{
 *   invalidated(tags: string[]): void,
 *   tagged(path: string, tags: string[]): void,
 *   staleRender(path: string, tags: string[]): void,
 * }} PageCacheListener
 */

// Next.js itself loads this module with require(): the same instance, so the patch is what it runs
const require = createRequire(import.meta.url);

/**
 * Next.js' file-system page cache class. Throws, saying what moved and where to look, when the
 * installed Next.js no longer has it where this hook expects it.
 * @returns {FileSystemCacheClass}
 */
export function loadFileSystemCache() {
  const fix = `The CSP nonce runtime and the page cache (server/page-cache-hook.mjs, see docs/request-path.md) hook it; find where this Next.js version keeps its file-system cache and update NEXT_FILE_SYSTEM_CACHE, or pin Next.js.`;
  /** @type {{ default?: unknown }} */
  let mod;
  try {
    mod = require(NEXT_FILE_SYSTEM_CACHE);
  } catch (cause) {
    throw new Error(`Next.js internal module ${NEXT_FILE_SYSTEM_CACHE} is gone. ${fix}`, { cause });
  }
  const cls = mod?.default;
  const proto = /** @type {Record<string, unknown> | undefined} */ (
    typeof cls === "function" ? cls.prototype : undefined
  );
  for (const method of ["set", "get", "revalidateTag"])
    if (typeof proto?.[method] !== "function")
      throw new Error(
        `Next.js internal module ${NEXT_FILE_SYSTEM_CACHE} no longer exports a class with ${method}(). ${fix}`,
      );
  return /** @type {FileSystemCacheClass} */ (/** @type {unknown} */ (cls));
}

/**
 * The request path of a page cache key: Next.js stores a page under
 * `/route-cache/APP_PAGE/<route hash>/$<decoded path>` (build seeds under the bare path), and "/"
 * as "/index".
 * @param {string} key
 */
export function pagePathOf(key) {
  const at = key.startsWith("/route-cache/") ? key.indexOf("/$/") : -1;
  const path = at === -1 ? key : key.slice(at + 2);
  return path === "/index" ? "/" : path;
}

/** @param {unknown} value */
function tagsOf(value) {
  const page = /** @type {{ kind?: unknown, headers?: Record<string, unknown> } | null | undefined} */ (
    value
  );
  if (!page || page.kind !== APP_PAGE) return null;
  const header = page.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

const LISTENERS = Symbol.for("byline.page-cache-hook.listeners");

/** @returns {Set<PageCacheListener>} */
function listeners() {
  const g = /** @type {Record<symbol, Set<PageCacheListener> | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  return (g[LISTENERS] ??= new Set());
}

/**
 * The page cache (page-cache.mjs) hears the tags of every page read or stored, and every
 * invalidated tag, here.
 * @param {PageCacheListener} listener
 * @returns {() => void} unsubscribe
 */
export function subscribePageCacheEvents(listener) {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

const HOOKED = Symbol.for("byline.page-cache-hook");

/**
 * Next.js' compiled runtimes (app-page-turbo.runtime.prod.js and the route handlers' one) carry
 * their own copy of FileSystemCache, which a patch of the module above never reaches: pages and
 * server actions would store and invalidate through the copy. Every IncrementalCache, compiled
 * or not, takes its handler from this global slot when it holds a `FetchCache` (and still counts
 * it as the default handler, unlike next.config.js' `cacheHandler`): the slot gets the patched
 * class, so all of them share it (and its memory store).
 */
export const NEXT_CACHE_HANDLERS = Symbol.for("@next/cache-handlers");

/**
 * Idempotent per class; call before Next.js starts (http-server.mjs). `cache` is Next.js' own
 * file-system cache, or the shared Redis store when REDIS_URL is set (shared-cache.mjs): the same
 * patches either way.
 * @param {FileSystemCacheClass} [cache]
 */
export function installPageCacheHook(cache = loadFileSystemCache()) {
  const g = /** @type {Record<symbol, Record<string, unknown> | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  g[NEXT_CACHE_HANDLERS] = { ...g[NEXT_CACHE_HANDLERS], FetchCache: cache };
  const proto = /** @type {CacheMethods & Record<symbol, boolean>} */ (cache.prototype);
  if (proto[HOOKED]) return;
  const { set, get, revalidateTag } = proto;
  // BYLINE_DEBUG_PAGE_RENDERS=1: one log line per page Next.js stores (the fault suite counts renders)
  const debug = process.env.BYLINE_DEBUG_PAGE_RENDERS === "1";
  // the file-system cache's pages are this process' own (scanned at start, recorded on write)
  const shared = cache !== loadFileSystemCache();
  /** @type {Map<string, number>} key -> earliest read since its last write that may lead to a render */
  const readSince = new Map();
  /** @type {Map<string, number>} tag -> when it was last invalidated */
  const invalidatedAt = new Map();

  const prune = () => {
    const horizon = Date.now() - HORIZON_MS;
    for (const [k, t] of readSince) if (t < horizon) readSince.delete(k);
    for (const [k, t] of invalidatedAt) if (t < horizon) invalidatedAt.delete(k);
  };

  /** @type {CacheMethods["get"]} */
  proto.get = async function getAndNote(key, ctx) {
    const startedAt = Date.now();
    const entry = await get.call(this, key, ctx);
    if (ctx?.kind !== APP_PAGE) return entry;
    if (!readSince.has(key) && mayRender(entry, startedAt)) readSince.set(key, startedAt);
    // a page another instance stored in the shared cache: its scripts are as trusted as ours
    const html = /** @type {{ html?: unknown } | undefined} */ (entry?.value)?.html;
    if (shared && typeof html === "string") trustedInlineScripts().record(key, html);
    const tags = tagsOf(entry?.value);
    if (tags) for (const l of listeners()) l.tagged(pagePathOf(key), tags);
    return entry;
  };

  /**
   * Whether Next.js may render the page after this read: no entry, or one that is stale by time
   * or by a tag. When in doubt (no known revalidate time), yes: the cost of a wrong yes is one
   * extra render after an invalidation, the cost of a wrong no an old page kept as fresh.
   * @param {CacheEntry} entry
   * @param {number} now
   */
  function mayRender(entry, now) {
    if (!entry?.value) return true;
    const modified = entry.lastModified ?? 0;
    const revalidate = entry.cacheControl?.revalidate;
    if (typeof revalidate !== "number" || modified + revalidate * 1000 < now) return true;
    return (tagsOf(entry.value) ?? []).some((tag) => (invalidatedAt.get(tag) ?? -1) > modified);
  }

  /** @type {CacheMethods["revalidateTag"]} */
  proto.revalidateTag = function revalidateAndNote(tags, durations) {
    const list = typeof tags === "string" ? [tags] : [...tags];
    const now = Date.now();
    for (const tag of list) invalidatedAt.set(tag, now);
    if (invalidatedAt.size > 1000) prune();
    for (const l of listeners()) l.invalidated(list);
    return revalidateTag.call(this, tags, durations);
  };

  /**
   * A render of `key` that began before an invalidation of these of its tags (the ISR race above):
   * Next.js answers every request it joined to that render once set() returns, so the page cache
   * keeps none of them. Told even when expiring failed (Redis away): those captures are stale all the same.
   * @param {string} key @param {string[]} late
   * @param {() => Promise<void>} [expire] what to finish first
   */
  async function staleRender(key, late, expire) {
    try {
      await expire?.();
    } finally {
      for (const l of listeners()) l.staleRender(pagePathOf(key), late);
    }
  }

  /** @type {CacheMethods["set"]} */
  proto.set = async function setAndRecord(key, data, ctx) {
    const page = /** @type {{ kind?: unknown, html?: unknown } | null} */ (data);
    const tags = tagsOf(data);
    if (!tags) return set.call(this, key, data, ctx);
    if (typeof page?.html === "string") trustedInlineScripts().record(key, page.html);
    const readAt = readSince.get(key);
    readSince.delete(key);
    const lateTags = () =>
      readAt === undefined ? [] : tags.filter((tag) => (invalidatedAt.get(tag) ?? -1) >= readAt);
    if (debug) console.log(`page-cache-hook: stored ${pagePathOf(key)}`);
    for (const l of listeners()) l.tagged(pagePathOf(key), tags);
    const early = lateTags();
    if (early.length) {
      // known stale before it is written: not written at all, so no other worker reads it from the
      // shared cache (disk or Redis) as fresh; the copy it would replace predates the same
      // invalidation, so it is expired already
      if (debug)
        console.log(`page-cache-hook: kept out late write of ${pagePathOf(key)} (${early.join(",")})`);
      return staleRender(key, early);
    }
    await set.call(this, key, data, ctx);
    // an invalidation while it was written: expire its tags again. An expiry counts only when
    // strictly later than the entry's lastModified (its stamp in memory, its file's mtime on disk),
    // both no later than now: wait for the next millisecond
    const late = lateTags();
    if (!late.length) return;
    const writtenAt = Date.now();
    while (Date.now() <= writtenAt) await new Promise((r) => setTimeout(r, 1));
    if (debug) console.log(`page-cache-hook: expired late write of ${pagePathOf(key)} (${late.join(",")})`);
    return staleRender(key, late, () => revalidateTag.call(this, late));
  };
  proto[HOOKED] = true;
}
