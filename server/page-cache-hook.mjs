// Next.js' own file-system page cache, with one addition: every page it stores tells the CSP
// nonce rewrite which inline scripts that page carries (trusted-inline-scripts.cjs). Next.js
// calls set() before it sends a freshly rendered page, so the first response already has them.
//
// A hook on Next.js' default handler rather than a `cacheHandler` in next.config.js: with a
// custom handler configured, Next.js 16.4 stopped treating a cached article page as stale after
// updateTag (an approved comment never appeared), so the default stays in charge.
"use strict";
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
const { trustedInlineScripts } = require("./trusted-inline-scripts.cjs");

const HOOKED = Symbol.for("byline.page-cache-hook");

/** Idempotent; call before Next.js starts (scripts/lib/server.mjs). */
function installPageCacheHook() {
  const proto = FileSystemCache.prototype;
  if (proto[HOOKED]) return;
  const set = proto.set;
  proto.set = function setAndRecord(key, data, ctx) {
    if (data && data.kind === "APP_PAGE" && typeof data.html === "string")
      trustedInlineScripts().record(key, data.html);
    return set.call(this, key, data, ctx);
  };
  proto[HOOKED] = true;
}

module.exports = { installPageCacheHook, FileSystemCache };
