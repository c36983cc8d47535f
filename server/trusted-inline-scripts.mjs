// @ts-check
// Which bare inline <script> bodies may receive the response's CSP nonce (nonce-rewrite.mjs).
//
// Pages Next.js renders without a request (at build time, and again at run time when a cached
// page is regenerated after a tag invalidation or its revalidate time) carry their bootstrap and
// flight data as inline scripts without any nonce. We trust exactly the inline scripts of the
// pages currently in Next.js' page cache: the files the build wrote (scanned at start-up) and every
// entry Next.js stores later (page-cache-hook.mjs calls record()). Markup injected into a
// response any other way cannot be in this set, and an entry replaced in the cache takes its old
// scripts out, so memory follows the size of the page cache.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** @param {string} body */
export const hashScript = (body) => crypto.createHash("sha256").update(body).digest("base64");

export class TrustedInlineScripts {
  /** @type {Map<string, Set<string>>} cache key -> hashes of the inline scripts of its current entry */
  #byKey = new Map();
  /** @type {Map<string, number>} hash -> how many current entries contain it */
  #count = new Map();

  /** @param {string} hash */
  has(hash) {
    return this.#count.has(hash);
  }

  get size() {
    return this.#count.size;
  }

  /**
   * The page stored under `key` is now `html`: its inline scripts replace the entry's old ones.
   * @param {string} key
   * @param {string} html
   */
  record(key, html) {
    /** @type {Set<string>} */
    const next = new Set();
    for (const m of html.matchAll(INLINE_SCRIPT)) next.add(hashScript(m[1] ?? ""));
    const prev = this.#byKey.get(key);
    for (const h of next) if (!prev || !prev.has(h)) this.#count.set(h, (this.#count.get(h) ?? 0) + 1);
    if (prev) {
      for (const h of prev) {
        if (next.has(h)) continue;
        const c = (this.#count.get(h) ?? 0) - 1;
        if (c > 0) this.#count.set(h, c);
        else this.#count.delete(h);
      }
    }
    if (next.size) this.#byKey.set(key, next);
    else this.#byKey.delete(key);
  }

  /**
   * Start-up: the page cache's HTML files (`<dist>/server/app/<key>.html`, as Next.js writes them).
   * @param {string} appDir
   */
  scan(appDir) {
    /** @param {string} dir */
    const walk = (dir) => {
      let entries;
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".html")) {
          const key =
            "/" +
            path
              .relative(appDir, p)
              .split(path.sep)
              .join("/")
              .replace(/\.html$/, "");
          this.record(key, fs.readFileSync(p, "utf8"));
        }
      }
    };
    walk(appDir);
    return this;
  }
}

const REGISTRY = Symbol.for("byline.trusted-inline-scripts");

/**
 * The process-wide registry shared by the HTTP server and the page-cache hook. A global, not a
 * module variable: vitest and Node may load this module more than once (different specifiers),
 * and both sides must see the same set.
 * @returns {TrustedInlineScripts}
 */
export function trustedInlineScripts() {
  const g = /** @type {Record<symbol, TrustedInlineScripts | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  return (g[REGISTRY] ??= new TrustedInlineScripts());
}
