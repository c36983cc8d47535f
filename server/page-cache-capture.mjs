// @ts-check
// Where the page cache (page-cache.mjs) meets a request (http-server.mjs): a hit is sent from
// memory; the first GET of a missing or expired key goes to Next.js with its response captured,
// and the requests that arrive meanwhile wait for that capture (or get the expired page).
import { cacheKeyOf, isContentApiKey, isStorable, sendEntry, sendNewEntry } from "./page-cache.mjs";

/**
 * @typedef {import("node:http").IncomingMessage} Req
 * @typedef {import("node:http").ServerResponse} Res
 * @typedef {import("./page-cache.mjs").PageCache} PageCache
 * @typedef {import("./page-cache.mjs").Capture} Capture
 * @typedef {import("./page-cache.mjs").Entry} Entry
 * @typedef {(req: Req, res: Res, outer?: (res: Res) => void) => void} PassOn the normal path
 *   (compression, nonce rewrite, Next.js); `outer` wraps the response last, just before Next.js
 */

/** How long an expired page Next.js still serves stale is served from memory before it is asked again. */
const STALE_RETRY_MS = 1_000;

/**
 * @param {{ cache: PageCache, placeholder: string, passOn: PassOn,
 *   onResult?: (result: "hit" | "wait" | "miss") => void,
 *   limitContentApi?: (req: Req, res: Res) => boolean,
 *   peers?: { claim(key: string): Promise<boolean>, release(key: string): void } }} options
 *   onResult: each cacheable request's outcome, for the metrics (server/metrics.mjs);
 *   limitContentApi: counts a Content API request, true when it answered it (429) itself
 *   (content-api-limit.mjs); peers: the other workers of this machine (page-cache-peers.mjs):
 *   a miss renders here only when the primary grants this worker the key
 * @returns {(req: Req, res: Res) => void}
 */
export function createPageCacheHandler({
  cache,
  placeholder,
  passOn,
  onResult = () => {},
  limitContentApi = () => false,
  peers,
}) {
  /** @param {Req} req @param {Res} res @param {string} key */
  const afterCapture = (req, res, key) => {
    const pending = cache.pending(key);
    if (!pending) return false;
    // past its s-maxage, the old page is what Next.js would answer (STALE) while it regenerates
    const old = cache.stale(key);
    onResult(old ? "hit" : "wait");
    if (old) sendEntry(req, res, old, "HIT");
    else waitFor(req, res, pending);
    return true;
  };

  /** @param {Req} req @param {Res} res @param {Promise<Entry | null>} pending */
  const waitFor = (req, res, pending) =>
    void pending.then((entry) => (entry ? sendNewEntry(req, res, entry, "HIT") : passOn(req, res)));

  /** @param {Req} req @param {Res} res @param {Capture} capture */
  const render = (req, res, capture) =>
    passOn(req, res, (r) => captureResponse(req, r, { cache, capture, placeholder }));

  return function servePage(req, res) {
    const key = cacheKeyOf(req);
    if (key === null) return passOn(req, res);
    // hit or miss, every Content API request is counted here first (a miss again in PostgreSQL)
    if (isContentApiKey(key) && limitContentApi(req, res)) return;
    const entry = cache.fresh(key);
    if (entry) {
      onResult("hit");
      return sendEntry(req, res, entry, "HIT");
    }
    if (afterCapture(req, res, key)) return;
    // HEAD never captures: its response has no body to store
    if (req.method !== "GET") return passOn(req, res);
    const capture = cache.begin(key);
    if (!peers) {
      onResult("miss");
      return render(req, res, capture);
    }
    // until the primary answers, a page another worker sends settles this capture (adopt)
    capture.rendering = false;
    void peers.claim(key).then((mine) => {
      if (capture.done) {
        if (mine) peers.release(key);
        onResult("wait");
        return waitFor(req, res, capture.promise);
      }
      if (mine) {
        capture.rendering = true;
        onResult("miss");
        return render(req, res, capture);
      }
      onResult("wait");
      const old = cache.stale(key);
      if (old) sendEntry(req, res, old, "HIT");
      else waitFor(req, res, capture.promise);
    });
  };
}

/**
 * The page cache's hit, served first thing for a request (http-server.mjs): a GET or HEAD without
 * a body whose page is fresh in the cache is sent from memory before the request id, the guard and
 * anything else per request; null for every other request, which takes the normal path (where
 * servePage above answers hits with a body, Content API hits after their count, waits and misses).
 * On a 2-core machine the per-request work around a hit cost more than sending it: a header set
 * before writeHead alone (the request id) makes Node merge the stored header list one by one.
 * @param {{ cache: PageCache, onHit?: (req: Req, entry: Entry, status: 200 | 304, seconds: number) => void }} options
 *   onHit: each hit sent, with how long sending it took (server/metrics.mjs)
 * @returns {(req: Req, res: Res) => Entry | null} the entry sent, null when none was
 */
export function createHitPath({ cache, onHit = () => {} }) {
  return function serveHit(req, res) {
    const started = performance.now();
    const h = req.headers;
    // a body is read, capped and refused by the guard (request-guard.mjs), never skipped here
    if (h["content-length"] !== undefined || h["transfer-encoding"] !== undefined) return null;
    const key = cacheKeyOf(req);
    // Content API reads are counted per address before they are answered (content-api-limit.mjs)
    if (key === null || isContentApiKey(key)) return null;
    const entry = cache.fresh(key);
    if (!entry) return null;
    const status = sendEntry(req, res, entry, "HIT");
    onHit(req, entry, status, (performance.now() - started) / 1000);
    return entry;
  };
}

/**
 * Wraps Next.js' response: at its head, a storable page is buffered, stored and sent from the
 * new entry (MISS); anything else is handed to the normal path unchanged and streamed.
 * @param {Req} req
 * @param {Res} res
 * @param {{ cache: PageCache, capture: Capture, placeholder: string }} ctx
 */
function captureResponse(req, res, { cache, capture, placeholder }) {
  // untyped views of Node's overloaded methods: the wrappers pass their arguments on as given
  /** @type {(...args: any[]) => any} */
  const underWriteHead = res.writeHead;
  /** @type {(...args: any[]) => any} */
  const underWrite = res.write;
  /** @type {(...args: any[]) => any} */
  const underEnd = res.end;
  /** @type {"store" | "pass" | null} */
  let decided = null;
  /** @type {Buffer[]} */
  const chunks = [];
  let done = false;

  // a client that goes away mid-capture must not leave the waiters hanging; nor one gone already
  // (it left while this worker asked the primary for the page, page-cache-peers.mjs): its
  // response will never be written, and the other workers wait on this capture too
  if (res.destroyed) capture.settle(null);
  else
    res.once("close", () => {
      if (!done) capture.settle(null);
    });

  /** @param {number} status @param {boolean} [may] */
  const decide = (status, may = true) => {
    if (decided) return decided;
    decided = may && isStorable(status, res, capture.key) ? "store" : "pass";
    if (decided === "pass" && status === 200 && res.getHeader("x-nextjs-cache") === "STALE")
      cache.prolong(capture.key, STALE_RETRY_MS);
    if (decided === "pass") {
      res.writeHead = /** @type {Res["writeHead"]} */ (underWriteHead);
      res.write = /** @type {Res["write"]} */ (underWrite);
      res.end = /** @type {Res["end"]} */ (underEnd);
      done = true;
      capture.settle(null);
    }
    return decided;
  };

  /** @type {(status: number, a?: any, b?: any) => any} */
  const writeHead = function (status, a, b) {
    const headers = typeof a === "string" ? b : a;
    // Next.js passes headers as an object, if at all (an array is left to Node: not stored)
    if (headers && !Array.isArray(headers)) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    }
    res.statusCode = status;
    if (decide(status, !Array.isArray(headers)) === "pass") return underWriteHead.call(res, status, a, b);
    return res;
  };
  res.writeHead = /** @type {Res["writeHead"]} */ (writeHead);

  /** @param {any} chunk @param {any} encoding */
  const keep = (chunk, encoding) => {
    if (chunk == null) return;
    chunks.push(
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
        : Buffer.from(chunk),
    );
  };

  /** @type {(chunk: any, encoding?: any, cb?: any) => any} */
  const write = function (chunk, encoding, cb) {
    if (decide(res.statusCode) === "pass") return underWrite.call(res, chunk, encoding, cb);
    keep(chunk, encoding);
    const callback = typeof encoding === "function" ? encoding : cb;
    if (typeof callback === "function") process.nextTick(callback);
    return true;
  };
  res.write = /** @type {Res["write"]} */ (write);

  /** @type {(chunk?: any, encoding?: any, cb?: any) => any} */
  const end = function (chunk, encoding, cb) {
    if (decide(res.statusCode) === "pass") return underEnd.call(res, chunk, encoding, cb);
    if (typeof chunk === "function") cb = chunk;
    else {
      if (typeof encoding === "function") cb = encoding;
      keep(chunk, encoding);
    }
    if (done) return res;
    done = true;
    const headers = res.getHeaders();
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    const entry = cache.store(capture, { headers, body: Buffer.concat(chunks), placeholder });
    capture.settle(entry);
    if (typeof cb === "function") res.once("finish", cb);
    sendNewEntry(req, res, entry, "MISS");
    return res;
  };
  res.end = /** @type {Res["end"]} */ (end);
}
