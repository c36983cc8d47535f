// @ts-check
// A hook on Next.js' own file-system page cache: every page it stores tells the CSP nonce rewrite
// which inline scripts that page carries (trusted-inline-scripts.mjs). Next.js calls set() before
// it sends a freshly rendered page, so the first response already has them.
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

/**
 * @typedef {{ set(key: string, data: unknown, ctx: unknown): Promise<void> }} CacheSetter
 * @typedef {{ new (options: object): CacheSetter, prototype: CacheSetter }} FileSystemCacheClass
 */

// Next.js itself loads this module with require(): the same instance, so the patch is what it runs
const require = createRequire(import.meta.url);

/**
 * Next.js' file-system page cache class. Throws, saying what moved and where to look, when the
 * installed Next.js no longer has it where this hook expects it.
 * @returns {FileSystemCacheClass}
 */
export function loadFileSystemCache() {
  const fix = `The CSP nonce runtime (server/page-cache-hook.mjs, see docs/request-path.md) hooks it; find where this Next.js version keeps its file-system cache and update NEXT_FILE_SYSTEM_CACHE, or pin Next.js.`;
  /** @type {{ default?: unknown }} */
  let mod;
  try {
    mod = require(NEXT_FILE_SYSTEM_CACHE);
  } catch (cause) {
    throw new Error(`Next.js internal module ${NEXT_FILE_SYSTEM_CACHE} is gone. ${fix}`, { cause });
  }
  const cls = mod?.default;
  if (typeof cls !== "function" || typeof cls.prototype?.set !== "function")
    throw new Error(
      `Next.js internal module ${NEXT_FILE_SYSTEM_CACHE} no longer exports a class with set(). ${fix}`,
    );
  return /** @type {FileSystemCacheClass} */ (cls);
}

const HOOKED = Symbol.for("byline.page-cache-hook");

/** Idempotent; call before Next.js starts (http-server.mjs). */
export function installPageCacheHook() {
  const proto = /** @type {CacheSetter & Record<symbol, boolean>} */ (loadFileSystemCache().prototype);
  if (proto[HOOKED]) return;
  const set = proto.set;
  /** @type {CacheSetter["set"]} */
  proto.set = function setAndRecord(key, data, ctx) {
    const page = /** @type {{ kind?: unknown, html?: unknown } | null} */ (data);
    if (page && page.kind === APP_PAGE && typeof page.html === "string")
      trustedInlineScripts().record(key, page.html);
    return set.call(this, key, data, ctx);
  };
  proto[HOOKED] = true;
}
