// @ts-check
// The in-process page cache: the rendered bytes of public, cookie-independent pages, held in
// memory and served before compression, the nonce rewrite and Next.js (docs/request-path.md).
//
// - Candidates: GET/HEAD without a session cookie, router/action headers, or a path under
//   /_next/, /media/, /api/, /preview/ (cacheKeyOf). Signed-in requests keep the nonce path untouched.
//   The Content API's GETs (/api/v1/…, not /api/v1/admin, without Authorization) are candidates too:
//   public, cookie-independent, and every one counted by the per-address limit (content-api-limit.mjs).
// - Stored: what Next.js itself serves as a cached page (200, text/html, no set-cookie,
//   x-nextjs-cache HIT or MISS, a shared Cache-Control), with a hash-based CSP
//   (page-cache-policy.mjs), so the bytes go out unchanged and a front may cache them too. A Content
//   API answer: 200 JSON with its ETag, no set-cookie, `public, max-age` (lib/api/respond.ts), stored
//   byte for byte with its ETag; its tags are unknown, so any invalidation drops it. An uploaded
//   image (app/media: content-addressed, `immutable`, at most MEDIA_MAX_BYTES): byte for byte
//   with its own CSP, tagged `media`, which nothing invalidates (a key's bytes never change); only
//   an SVG is compressed. Every first visit to a page asks for its images, and through Next.js
//   those went at about 400 a second.
// - One render per key: the first GET captures Next.js' response; concurrent requests wait.
// - Dropped at once when one of its Next.js tags is invalidated (page-cache-hook.mjs), else fresh
//   for the page's s-maxage. LRU by bytes. gzip and brotli made once, after storing.
import crypto from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";
import {
  hashPolicy,
  inlineScriptHashes,
  joinInlineScripts,
  PUBLIC_RENDER_MARKER,
} from "./page-cache-policy.mjs";
import { ARTICLE_PAGE, SERVER_TIMING } from "../lib/services/views/view-log.mjs";
import { pathBytes } from "./view-line.mjs";

/**
 * The clock as it was before Next.js loaded (http-server.mjs imports this file statically, Next.js
 * inside startServer): Next.js wraps `Date.now` with its prerender bookkeeping, a cost on every
 * page sent from memory. Shared with the view log (view-log.mjs).
 */
export const wallClock = Date.now;

/** lib/auth/cookie-names.ts SESSION_COOKIE, replicated (page-cache.test.ts compares them). */
export const SESSION_COOKIE = /^(__Host-)?authjs\.session-token(\.\d+)?$/;

/** Requests of Next.js' client router and server actions: never a whole page. */
// The front's cache key holds the router's headers only with RSC (deploy/nginx.conf
// $byline_router_key): it relies on this list to keep a request with any of them out of both caches.
// Next-Url alone picks an intercepting route's rendering (none in this app yet).
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "next-action",
];
// preview links: proxy.ts checks on every request that the link is still live (a revoked one is a 404)
const NOT_PAGES = /^\/(_next|media|api|preview)(\/|\?|$)/;
/** The Content API (app/api/v1): public reads. The Admin API under it never. */
const CONTENT_API = /^\/api\/v1\/(?!admin(\/|\?|$))/;

/** Whether a cache key is a Content API request. @param {string} key */
export const isContentApiKey = (key) => CONTENT_API.test(key);

/** An uploaded image (app/media/[...key]/route.ts KEY), cookies or not: it is the same for everyone. */
const MEDIA = /^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.(webp|png|jpg|gif|svg)$/;
/** The largest image kept: pages are what the cache is for, and a few large photos would push them out. */
export const MEDIA_MAX_BYTES = 512 * 1024;
/** The tag of every image entry: no invalidation names it (a key's bytes never change). */
const MEDIA_TAG = "media";

/** Whether a cache key is an uploaded image. @param {string} key */
const isMediaKey = (key) => MEDIA.test(key);

/**
 * Whether a Cookie header carries a non-empty Auth.js session cookie (view-log.mjs asks too).
 * @param {string} cookieHeader
 */
export function hasSessionCookie(cookieHeader) {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (SESSION_COOKIE.test(part.slice(0, eq).trim()) && part.slice(eq + 1).trim() !== "") return true;
  }
  return false;
}

/**
 * The cache key of a request (its raw path and query), or null when it may not be served from
 * or stored in the page cache.
 * @param {http.IncomingMessage} req
 */
export function cacheKeyOf(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  const h = req.headers;
  if (url[0] !== "/") return null;
  if (isContentApiKey(url)) return h.authorization === undefined ? url : null;
  // (a prefix first: this runs for every page hit)
  if (url.startsWith("/media/") && isMediaKey(url)) return url;
  if (NOT_PAGES.test(url)) return null;
  for (const name of ROUTER_HEADERS) if (h[name] !== undefined) return null;
  if (h.cookie && hasSessionCookie(h.cookie)) return null;
  return url;
}

/** @typedef {"br" | "gzip" | "identity"} Encoding */

/** @type {Map<string, Set<string>>} parsed Accept-Encoding values (clients send a handful) */
const accepted = new Map();

/**
 * The codings an Accept-Encoding header accepts (q > 0).
 * @param {string} header
 */
function acceptedCodings(header) {
  let set = accepted.get(header);
  if (set) return set;
  set = new Set();
  for (const part of header.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (name && (!q || Number(q.slice(2)) > 0)) set.add(name);
  }
  if (accepted.size < 64) accepted.set(header, set);
  return set;
}

/**
 * br > gzip > identity, among the variants an entry has so far.
 * @param {string | undefined} header Accept-Encoding
 * @param {{ br?: unknown, gzip?: unknown }} has
 * @returns {Encoding}
 */
export function negotiate(header, has) {
  if (!header) return "identity";
  const ok = acceptedCodings(header);
  if (has.br && (ok.has("br") || ok.has("*"))) return "br";
  if (has.gzip && (ok.has("gzip") || ok.has("*"))) return "gzip";
  return "identity";
}

/**
 * @typedef {{ body: Buffer, etag: string, hit: string[], miss: string[], notModified: string[] }} Variant
 * @typedef {{
 *   key: string, tags: Set<string> | null, expiresAt: number, bytes: number, base: string[],
 *   identity: Variant, gzip?: Variant, br?: Variant, compressing?: Promise<void>, brotli?: Promise<void>,
 *   renderer: number | null, startedAt: number, view: Buffer | null,
 * }} Entry
 *   renderer: the worker that rendered it (its pid), null for this process; startedAt: when its capture began;
 *   view: an article page whose request is its view (it tells its script so: Server-Timing, no beacon),
 *   its path's bytes for the view's line (server/view-line.mjs pathBytes); null for other pages
 * @typedef {{ key: string, invalidated: Set<string>, anyInvalidation: boolean, rendering: boolean,
 *   done: boolean, startedAt: number, promise: Promise<Entry | null>, settle: (entry: Entry | null) => void }} Capture
 *   rendering: this process renders it (not another worker, page-cache-peers.mjs); done: settled
 * @typedef {{ stored(entry: Entry, store: boolean): void, none(key: string): void,
 *   variant(entry: Entry, encoding: "gzip" | "br"): void,
 *   dropped(pages: [string, string][], tags: string[], at: number): void, preclaim(keys: string[]): void }} Peers
 *   the other workers of this machine (page-cache-peers.mjs)
 * @typedef {import("./page-cache-peers.mjs").WireEntry} WireEntry
 */

/** How long another worker's invalidation is remembered (#heardBy): far longer than any render. */
const PEER_HORIZON_MS = 10_000;

/** Next.js' headers that do not describe the stored bytes, or that we set per variant. */
const DROPPED = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "vary",
  "x-nextjs-cache",
  "x-byline-cache",
  "content-security-policy",
]);

/** Headers a 304 repeats (RFC 9110 15.4.5), and the Content API's CORS (lib/api/respond.ts sends them on its 304s). */
const KEPT_ON_304 = new Set([
  "cache-control",
  "content-security-policy",
  "expires",
  "content-location",
  "access-control-allow-origin",
  "access-control-expose-headers",
]);

/** @param {string} header Cache-Control */
function sharedMaxAge(header) {
  if (/(^|[\s,])(private|no-store|no-cache)([\s,=]|$)/i.test(header)) return 0;
  const m = /(?:^|[\s,])s-maxage=(\d+)/i.exec(header);
  return m ? Number(m[1]) : 0;
}

/**
 * A Content API answer's lifetime (lib/api/respond.ts: `public, max-age=60`): 0 unless public.
 * @param {string} header Cache-Control
 */
function publicMaxAge(header) {
  if (!/(^|[\s,])public([\s,]|$)/i.test(header)) return 0;
  const shared = sharedMaxAge(header);
  if (shared > 0 || /(^|[\s,])s-maxage=/i.test(header)) return shared;
  const m = /(?:^|[\s,])max-age=(\d+)/i.exec(header);
  return m && !/(^|[\s,])(private|no-store|no-cache)([\s,=]|$)/i.test(header) ? Number(m[1]) : 0;
}

/** @param {string} key @param {http.OutgoingHttpHeaders} headers */
const freshSeconds = (key, headers) =>
  (isContentApiKey(key) || isMediaKey(key) ? publicMaxAge : sharedMaxAge)(
    String(headers["cache-control"] ?? ""),
  );

/**
 * Whether Next.js' response, at its head, is a page (or, for a Content API key, an answer) we may store.
 * @param {number} status
 * @param {http.ServerResponse} res
 * @param {string} [key] the request's cache key
 */
export function isStorable(status, res, key = "") {
  if (isContentApiKey(key))
    return (
      status === 200 &&
      String(res.getHeader("content-type") ?? "").startsWith("application/json") &&
      res.getHeader("set-cookie") === undefined &&
      typeof res.getHeader("etag") === "string" &&
      publicMaxAge(String(res.getHeader("cache-control") ?? "")) > 0
    );
  if (isMediaKey(key))
    return (
      status === 200 &&
      String(res.getHeader("content-type") ?? "").startsWith("image/") &&
      res.getHeader("set-cookie") === undefined &&
      // Next.js may send it chunked: then the size is checked when storing
      !(Number(res.getHeader("content-length")) > MEDIA_MAX_BYTES) &&
      /(^|[\s,])immutable([\s,]|$)/i.test(String(res.getHeader("cache-control") ?? "")) &&
      publicMaxAge(String(res.getHeader("cache-control") ?? "")) > 0
    );
  const cache = res.getHeader("x-nextjs-cache");
  const csp = res.getHeader("content-security-policy");
  return (
    status === 200 &&
    String(res.getHeader("content-type") ?? "").startsWith("text/html") &&
    res.getHeader("set-cookie") === undefined &&
    (cache === "HIT" || cache === "MISS") &&
    sharedMaxAge(String(res.getHeader("cache-control") ?? "")) > 0 &&
    typeof csp === "string" &&
    hashPolicy(csp, []) !== null
  );
}

/**
 * Whether a stored page's headers tell its script that its request was its view (Server-Timing):
 * a page another worker rendered is logged as it says, whatever this process would have decided.
 * @param {string[]} base header names and values, alternating
 */
function tellsView(base) {
  for (let i = 0; i < base.length; i += 2)
    if (base[i] === "server-timing" && base[i + 1] === SERVER_TIMING) return true;
  return false;
}

/**
 * @param {string[]} base
 * @param {Buffer} body
 * @param {string} etag
 * @param {Encoding} encoding
 * @returns {Variant}
 */
function variant(base, body, etag, encoding) {
  const own = ["content-length", String(body.length), "etag", etag];
  if (encoding !== "identity") own.push("content-encoding", encoding);
  const headers = [...base, ...own];
  /** @type {string[]} */
  const notModified = ["etag", etag];
  for (let i = 0; i < base.length; i += 2)
    if (KEPT_ON_304.has(base[i] ?? "") || base[i] === "vary")
      notModified.push(base[i] ?? "", base[i + 1] ?? "");
  return {
    body,
    etag,
    hit: [...headers, "x-byline-cache", "HIT"],
    miss: [...headers, "x-byline-cache", "MISS"],
    notModified: [...notModified, "x-byline-cache", "HIT"],
  };
}

/** @param {string} header If-None-Match @param {string} etag */
function matches(header, etag) {
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

// Hits and captured pages are written with the prototype's methods: past compression's and the
// nonce rewrite's wrappers, which a capturing response already has.
/** @type {(...args: any[]) => any} */
const writeHead = http.ServerResponse.prototype.writeHead;
/** @type {(...args: any[]) => any} */
const end = http.ServerResponse.prototype.end;

/**
 * Sends a stored page: negotiated encoding, 304 on a matching If-None-Match.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {Entry} entry
 * @param {"HIT" | "MISS"} state
 * @returns {200 | 304} the status sent
 */
export function sendEntry(req, res, entry, state) {
  const v = entry[negotiate(req.headers["accept-encoding"], entry)] ?? entry.identity;
  const inm = req.headers["if-none-match"];
  if (inm && matches(inm, v.etag)) {
    writeHead.call(res, 304, v.notModified);
    end.call(res);
    return 304;
  }
  writeHead.call(res, 200, state === "HIT" ? v.hit : v.miss);
  end.call(res, req.method === "HEAD" ? undefined : v.body);
  return 200;
}

/**
 * Sends a page just stored (to the request that captured it, or one that waited): when the client
 * takes a compressed encoding and the variants are still being made, once gzip is ready, or brotli
 * for a client that takes brotli and not gzip. The front (deploy/nginx.conf) asks for exactly one
 * coding: sent the identity bytes while brotli was made, it stored them for its second and gzipped
 * them itself for every reader of that second.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {Entry} entry
 * @param {"HIT" | "MISS"} state
 */
export function sendNewEntry(req, res, entry, state) {
  const header = req.headers["accept-encoding"];
  const ready =
    negotiate(header, { gzip: true }) === "gzip"
      ? !entry.gzip && entry.compressing
      : negotiate(header, { br: true }) === "br" && !entry.br && entry.brotli;
  if (!ready) return sendEntry(req, res, entry, state);
  void ready.then(() => {
    if (!res.destroyed) sendEntry(req, res, entry, state);
  });
}

export class PageCache {
  /** @type {Map<string, Entry>} in LRU order: the first is the least recently used */
  #entries = new Map();
  #bytes = 0;
  /** @type {Map<string, Capture>} */
  #captures = new Map();
  /** @type {Map<string, string[]>} request path -> Next.js' tags of its page (page-cache-hook.mjs) */
  #tagsByPath = new Map();
  #maxBytes;
  #now;
  #compress;
  #countsViews;
  /** @type {Peers | null} */
  #peers = null;
  /** @type {{ from: number, tags: Set<string>, at: number }[]} invalidations other workers heard, recent first */
  #peerInvalidations = [];

  /**
   * @param {{ maxBytes: number, now?: () => number, compress?: boolean, countsViews?: boolean }} options
   *   countsViews: an article page's request is logged as its view (server/view-log.mjs), and its
   *   stored page tells its script so (Server-Timing: bl-view), which then sends no beacon
   */
  constructor({ maxBytes, now = wallClock, compress = true, countsViews = false }) {
    this.#maxBytes = maxBytes;
    this.#now = now;
    this.#compress = compress;
    this.#countsViews = countsViews;
  }

  /** The other workers' page caches, told of every page this one renders or drops. @param {Peers} peers */
  connectPeers(peers) {
    this.#peers = peers;
  }

  get bytes() {
    return this.#bytes;
  }

  get size() {
    return this.#entries.size;
  }

  /** A fresh entry, now the most recently used. @param {string} key */
  fresh(key) {
    const entry = this.#entries.get(key);
    if (!entry || entry.expiresAt <= this.#now()) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /**
   * The entry of a key past its s-maxage (kept until replaced, invalidated or evicted): what
   * Next.js itself serves as STALE while it regenerates, so requests that arrive while a capture
   * is under way get it instead of queueing behind Next.js. @param {string} key
   */
  stale(key) {
    return this.#entries.get(key);
  }

  /**
   * Serves a key's expired entry for `ms` more. For when Next.js answered its capture with its own
   * stale copy (x-nextjs-cache: STALE) while it renders the page again in the background: the entry
   * is that copy (an invalidation would have dropped it), and without this every reader until the
   * background render lands went through Next.js, one capture after another (on a 2-core machine
   * under load, seconds at a twentieth of the hit rate). A later capture replaces it.
   * @param {string} key
   * @param {number} ms
   */
  prolong(key, ms) {
    const entry = this.#entries.get(key);
    // never shortens: a later capture may have stored a fresh entry meanwhile
    if (entry) entry.expiresAt = Math.max(entry.expiresAt, this.#now() + ms);
  }

  /** The capture under way for a key, if any. @param {string} key */
  pending(key) {
    return this.#captures.get(key)?.promise;
  }

  /**
   * Starts the single capture of a key; settle it with the entry to serve (or null).
   * @param {string} key
   * @returns {Capture}
   */
  begin(key) {
    /** @type {(entry: Entry | null) => void} */
    let resolve = () => {};
    /** @type {Promise<Entry | null>} */
    const promise = new Promise((r) => (resolve = r));
    /** @type {Capture} */
    const capture = {
      key,
      invalidated: new Set(),
      anyInvalidation: false,
      rendering: true,
      done: false,
      startedAt: this.#now(),
      promise,
      settle: (entry) => {
        if (capture.done) return;
        capture.done = true;
        if (this.#captures.get(key) === capture) this.#captures.delete(key);
        if (capture.rendering && this.#peers) this.#tellPeers(key, entry);
        resolve(entry);
      },
    };
    this.#captures.set(key, capture);
    return capture;
  }

  /**
   * Next.js' tags of the page at `path` (its decoded pathname; "/" for the home page).
   * @param {string} path
   * @param {string[]} tags
   */
  tagged(path, tags) {
    this.#tagsByPath.delete(path);
    this.#tagsByPath.set(path, tags);
    if (this.#tagsByPath.size > 20_000) this.#tagsByPath.delete(this.#tagsByPath.keys().next().value ?? "");
  }

  /**
   * Drops every entry with one of these tags, or with tags unknown. Returns the pages dropped
   * (Content API answers aside), most recently read first: what a preload renders again.
   * @param {string[]} tags
   * @returns {string[]}
   */
  invalidated(tags) {
    /** @type {string[]} */
    const dropped = [];
    /** @type {[string, string][]} */
    const exact = [];
    for (const [key, entry] of this.#entries)
      if ((!entry.tags || tags.some((t) => entry.tags?.has(t))) && !this.#heardBy(entry, tags)) {
        this.#drop(key, entry);
        exact.push([key, entry.identity.etag]);
        if (!isContentApiKey(key)) dropped.push(key);
      }
    this.#peers?.dropped(exact, tags, this.#now());
    for (const capture of this.#captures.values()) markInvalidated(capture, tags);
    // entries are kept least recently read first
    return dropped.reverse();
  }

  /**
   * This process' Next.js rendered `path` from before an invalidation of `tags`, and answered with
   * that render the request that began it and every request for the page it joined to it meanwhile
   * (page-cache-hook.mjs): their captures may have begun after the invalidation (the preload's
   * request, most often), so none is kept. A copy of this process' own render already kept is
   * dropped, here and, by its exact bytes, in the other workers; copies they rendered are theirs to
   * judge. Captures of the path that had not reached Next.js yet are refused too: a fresh page
   * served, not kept, at worst. Returns the keys to render again, the bare path first.
   * @param {string} path
   * @param {string[]} tags
   * @returns {string[]}
   */
  staleRender(path, tags) {
    /** @type {string[]} */
    const keys = [];
    for (const capture of this.#captures.values())
      if (decodedPath(capture.key) === path) {
        markInvalidated(capture, tags);
        keys.push(capture.key);
      }
    /** @type {[string, string][]} entries are kept least recently read first */
    const exact = [];
    for (const [key, entry] of this.#entries)
      if (
        entry.renderer === null &&
        decodedPath(key) === path &&
        (!entry.tags || tags.some((t) => entry.tags?.has(t)))
      ) {
        this.#drop(key, entry);
        exact.push([key, entry.identity.etag]);
      }
    if (exact.length) this.#peers?.dropped(exact, [], this.#now());
    keys.push(...exact.map(([key]) => key).reverse());
    // a capture's key may be an entry's too; the bare path (what readers open) first
    return [...new Set(keys)].sort((a, b) => Number(b === path) - Number(a === path));
  }

  /**
   * The pages this process' preload is about to render again (page-cache-warm.mjs): the other
   * workers leave them to it, rather than render them with what they may not have heard of yet.
   * @param {string[]} keys
   */
  warming(keys) {
    if (keys.length) this.#peers?.preclaim(keys);
  }

  /**
   * Another worker heard an invalidation of these tags at `at` (and dropped its pages, page-cache-peers.mjs).
   * @param {number} from its pid
   * @param {string[]} tags
   * @param {number} at
   */
  peerInvalidated(from, tags, at) {
    this.#peerInvalidations.unshift({ from, tags: new Set(tags), at });
    const horizon = this.#now() - PEER_HORIZON_MS;
    while (this.#peerInvalidations.length > 1000 || (this.#peerInvalidations.at(-1)?.at ?? horizon) < horizon)
      this.#peerInvalidations.pop();
  }

  /**
   * Whether a page another worker rendered already reflects an invalidation of `tags` this
   * process hears now: that worker heard the same tags before it began the render. Its later
   * invalidations it handles itself (it drops the page and tells every worker, DROPPED).
   * @param {Entry} entry
   * @param {string[]} tags
   */
  #heardBy(entry, tags) {
    if (entry.renderer === null || !tags.length) return false;
    const relevant = entry.tags ? tags.filter((t) => entry.tags?.has(t)) : tags;
    const horizon = this.#now() - PEER_HORIZON_MS;
    return this.#peerInvalidations.some(
      (r) =>
        r.from === entry.renderer &&
        r.at <= entry.startedAt &&
        r.at >= horizon &&
        relevant.every((t) => r.tags.has(t)),
    );
  }

  /**
   * Builds the entry for a captured page and stores it, unless a tag of it was invalidated
   * while it rendered (it is still served to the capture's waiters).
   * @param {Capture} capture
   * @param {{ headers: http.OutgoingHttpHeaders, body: Buffer, placeholder: string }} page
   * @returns {Entry}
   */
  store(capture, { headers, body, placeholder }) {
    // a Content API answer is kept byte for byte: its ETag is the hash of exactly these bytes;
    // an image too, with the CSP its route sends
    const media = isMediaKey(capture.key);
    const api = isContentApiKey(capture.key) || media;
    const marked = api ? "" : body.toString("utf8").replaceAll(placeholder, PUBLIC_RENDER_MARKER);
    // one inline script per run instead of one per flight chunk: a CSP header of 1 hash, not 20
    const html = /^text\/html/i.test(String(headers["content-type"] ?? ""))
      ? joinInlineScripts(marked, PUBLIC_RENDER_MARKER)
      : marked;
    const bytes = api ? body : Buffer.from(html, "utf8");
    /** @type {string[]} */
    const base = [];
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || DROPPED.has(name) || (api && name === "content-security-policy")) continue;
      for (const v of Array.isArray(value) ? value : [value]) base.push(name, String(v));
    }
    if (api && headers["content-security-policy"] !== undefined)
      base.push("content-security-policy", String(headers["content-security-policy"]));
    if (!api) {
      const policy = hashPolicy(
        String(headers["content-security-policy"]),
        inlineScriptHashes(html, PUBLIC_RENDER_MARKER),
      );
      base.push("content-security-policy", policy ?? "script-src 'none'");
    }
    const vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
    base.push("vary", vary);
    const view = this.#countsViews && ARTICLE_PAGE.test(capture.key) ? pathBytes(capture.key) : null;
    if (view) base.push("server-timing", SERVER_TIMING);
    const hash =
      api && typeof headers.etag === "string"
        ? headers.etag.replace(/^"|"$/g, "")
        : crypto.createHash("sha256").update(bytes).digest("base64url").slice(0, 27);
    const tags = media ? [MEDIA_TAG] : api ? undefined : this.#tagsByPath.get(decodedPath(capture.key));
    /** @type {Entry} */
    const entry = {
      key: capture.key,
      tags: tags ? new Set(tags) : null,
      expiresAt: this.#now() + freshSeconds(capture.key, headers) * 1000,
      bytes: 0,
      base,
      identity: variant(base, bytes, `"${hash}"`, "identity"),
      renderer: null,
      startedAt: capture.startedAt,
      view,
    };
    entry.bytes = capture.key.length + bytes.length + 2 * base.join("").length;
    // raster images are compressed already
    const compress = this.#compress && (!media || capture.key.endsWith(".svg"));
    const fits = !media || bytes.length <= MEDIA_MAX_BYTES;
    if (fits && this.#keep(entry, capture) && compress) Object.assign(entry, this.#precompress(entry));
    return entry;
  }

  /**
   * Stores an entry unless a tag of it was invalidated while its capture was under way here, or
   * it is larger than the whole cache. Whether it was stored.
   * @param {Entry} entry
   * @param {Capture | undefined} capture
   */
  #keep(entry, capture) {
    const raced = !capture
      ? false
      : (entry.tags ? [...capture.invalidated].some((t) => entry.tags?.has(t)) : capture.anyInvalidation) &&
        !this.#heardBy(entry, [...capture.invalidated]);
    if (raced || entry.bytes > this.#maxBytes) return false;
    const old = this.#entries.get(entry.key);
    if (old) this.#drop(entry.key, old);
    this.#entries.set(entry.key, entry);
    this.#bytes += entry.bytes;
    this.#evict();
    return true;
  }

  /**
   * A capture this process rendered has settled: the other workers get the page (once gzip is made,
   * so their waiters are sent it compressed; brotli follows) or are told there is none.
   * @param {string} key
   * @param {Entry | null} entry
   */
  #tellPeers(key, entry) {
    const peers = this.#peers;
    if (!peers) return;
    if (!entry) return peers.none(key);
    const held = () => this.#entries.get(key) === entry;
    if (!held() || !entry.compressing) return peers.stored(entry, held());
    void entry.compressing.then(() => {
      // dropped meanwhile (an invalidation): its waiters elsewhere still get it, nobody keeps it
      peers.stored(entry, held());
      void entry.brotli?.then(() => held() && peers.variant(entry, "br"));
    });
  }

  /**
   * A page another worker rendered (page-cache-peers.mjs): served to this process' requests waiting
   * for it and, when `store`, kept, unless an invalidation this process heard while waiting hit it.
   * @param {string} key
   * @param {WireEntry} wire
   * @param {boolean} store
   */
  adopt(key, wire, store) {
    const base = wire.base;
    /** @type {Entry} */
    const entry = {
      key,
      tags: wire.tags ? new Set(wire.tags) : null,
      expiresAt: wire.expiresAt,
      bytes: key.length + wire.body.length + 2 * base.join("").length + (wire.gzip?.body.length ?? 0),
      base,
      identity: variant(base, wire.body, wire.etag, "identity"),
      renderer: wire.renderer,
      startedAt: wire.startedAt,
      view: tellsView(base) ? pathBytes(key) : null,
    };
    if (wire.gzip) entry.gzip = variant(base, wire.gzip.body, wire.gzip.etag, "gzip");
    const capture = this.#captures.get(key);
    const waiting = capture && !capture.rendering ? capture : undefined;
    if (store) this.#keep(entry, waiting);
    waiting?.settle(entry);
  }

  /** Another worker's capture of `key` ended without a page: requests waiting here go on. @param {string} key */
  remoteNone(key) {
    const capture = this.#captures.get(key);
    if (capture && !capture.rendering) capture.settle(null);
  }

  /**
   * A compressed variant another worker made for a page this process holds (the same bytes: ETag).
   * @param {string} key
   * @param {string} etag the identity variant's
   * @param {"gzip" | "br"} encoding
   * @param {Buffer} body
   */
  adoptVariant(key, etag, encoding, body) {
    const entry = this.#entries.get(key);
    if (!entry || entry.identity.etag !== etag || entry[encoding]) return;
    entry[encoding] = variant(entry.base, body, `"${etag.slice(1, -1)}-${encoding}"`, encoding);
    entry.bytes += body.length;
    this.#bytes += body.length;
    this.#evict();
  }

  /** Drops `key` when this process holds the page with this identity ETag (another worker dropped it). @param {string} key @param {string} etag */
  dropExact(key, etag) {
    const entry = this.#entries.get(key);
    if (entry && entry.identity.etag === etag) this.#drop(key, entry);
  }

  /**
   * Makes the gzip and brotli variants on libuv's thread pool. `compressing` settles when gzip (the
   * quicker, a few ms) is attached or failed, `brotli` when brotli is: the request that stored the
   * page and its waiters wait for one rather than being sent the identity bytes (ten times larger
   * for an article).
   * @param {Entry} entry
   * @returns {{ compressing: Promise<void>, brotli: Promise<void> }}
   */
  #precompress(entry) {
    const body = entry.identity.body;
    const hash = entry.identity.etag.slice(1, -1);
    /** @param {"gzip" | "br"} encoding @param {Error | null} err @param {Buffer} out */
    const attach = (encoding, err, out) => {
      if (err || this.#entries.get(entry.key) !== entry) return;
      entry[encoding] = variant(entry.base, out, `"${hash}-${encoding}"`, encoding);
      entry.bytes += out.length;
      this.#bytes += out.length;
      this.#evict();
    };
    /** @type {Promise<void>} */
    const gzipped = new Promise((resolve) =>
      zlib.gzip(body, { level: 9 }, (err, out) => {
        attach("gzip", err, out);
        resolve();
      }),
    );
    /** @type {Promise<void>} */
    const brotli = new Promise((resolve) =>
      zlib.brotliCompress(
        body,
        {
          params: {
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        },
        (err, out) => {
          attach("br", err, out);
          resolve();
        },
      ),
    );
    return { compressing: gzipped, brotli };
  }

  #evict() {
    for (const [key, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) return;
      this.#drop(key, entry);
    }
  }

  /** @param {string} key @param {Entry} entry */
  #drop(key, entry) {
    if (this.#entries.get(key) !== entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

/**
 * A capture under way heard an invalidation of `tags`: it is served to its waiters, and stored only
 * if its page has none of them (#keep).
 * @param {Capture} capture @param {string[]} tags
 */
function markInvalidated(capture, tags) {
  capture.anyInvalidation = true;
  for (const t of tags) capture.invalidated.add(t);
}

/** The pathname as Next.js keys its page cache: decoded, without the query. @param {string} key */
function decodedPath(key) {
  const q = key.indexOf("?");
  const raw = q === -1 ? key : key.slice(0, q);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
