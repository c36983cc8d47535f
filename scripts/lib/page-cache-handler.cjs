// Next.js' own file-system page cache, plus one duty: every page it stores tells the CSP nonce
// rewrite which inline scripts that page carries (trusted-inline-scripts.cjs). Next.js calls
// set() before it sends a freshly rendered page, so the first response already has them.
"use strict";
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
const { trustedInlineScripts } = require("./trusted-inline-scripts.cjs");

class BylinePageCache extends FileSystemCache {
  async set(key, data, ctx) {
    if (data && data.kind === "APP_PAGE" && typeof data.html === "string") trustedInlineScripts().record(key, data.html);
    return super.set(key, data, ctx);
  }
}

module.exports = BylinePageCache;
