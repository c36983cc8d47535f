// @ts-check
// One render per page across the workers of one machine (cluster.mjs). Each worker holds its own
// page cache (page-cache.mjs); a miss asks the primary for the key first (a claim): the worker
// granted it renders, the others wait, and the page it stores is sent to every worker through the
// primary (with its gzip variant, brotli when made), so 50 readers of a just-published article on
// any worker cause one render, and every worker then serves it from memory.
//
// Invalidations reach each worker on its own (the PostgreSQL bus, page-cache-hook.mjs); a worker
// that drops a page it holds tells the others which page (key and ETag): a worker that heard of an
// invalidation after it sent a page still takes that page back from the workers it reached.
import cluster from "node:cluster";

const CLAIM = "byline:page-claim";
const CLAIMED = "byline:page-claimed";
/** A page rendered and captured (stored, or served to its waiters only: `store` false). */
const STORED = "byline:page-stored";
/** A capture that ended without a page: waiters elsewhere go to Next.js themselves. */
const NONE = "byline:page-none";
const VARIANT = "byline:page-variant";
const DROPPED = "byline:page-dropped";
/** Pages a worker's preload is about to render (page-cache-warm.mjs): claimed for it now. */
const PRECLAIM = "byline:page-preclaim";

/** A preclaimed page its worker has not started to render by then is given up. */
const PRECLAIM_MS = 10_000;

/**
 * @typedef {{ send(msg: unknown): unknown, isConnected(): boolean }} WorkerLike
 * @typedef {{ tags: string[] | null, expiresAt: number, base: string[], body: Buffer, etag: string,
 *   gzip?: { body: Buffer, etag: string }, renderer: number, startedAt: number }} WireEntry
 * @typedef {import("./page-cache.mjs").PageCache} PageCache
 * @typedef {import("./page-cache.mjs").Entry} Entry
 */

/**
 * The primary's half: who renders which key, and the relay of pages between workers.
 * @param {{ workers?: () => Iterable<WorkerLike | undefined>, preclaimMs?: number }} [options]
 *   workers: default node:cluster's
 */
export function createPeerCoordinator({ workers, preclaimMs = PRECLAIM_MS } = {}) {
  const all = workers ?? (() => Object.values(cluster.workers ?? {}));
  /** @type {Map<string, WorkerLike>} key -> the worker rendering it */
  const claims = new Map();
  /** @type {Map<string, ReturnType<typeof setTimeout>>} claims made for a preload, until it asks */
  const preclaimed = new Map();
  /** @param {string} key */
  const unwait = (key) => {
    clearTimeout(preclaimed.get(key));
    preclaimed.delete(key);
  };
  /** @param {WorkerLike} from @param {any} msg */
  const relay = (from, msg) => {
    for (const w of all()) if (w && w !== from && w.isConnected()) w.send(msg);
  };
  return {
    /** @param {WorkerLike} worker @param {any} msg */
    message(worker, msg) {
      switch (msg?.type) {
        case CLAIM: {
          const holder = claims.get(msg.key);
          const granted = holder === undefined || holder === worker;
          if (granted) {
            claims.set(msg.key, worker);
            // a preload's page: its render begins now, and ends with STORED or NONE
            unwait(msg.key);
          }
          worker.send({ type: CLAIMED, id: msg.id, granted });
          return;
        }
        case PRECLAIM:
          for (const key of msg.keys)
            if (!claims.has(key)) {
              claims.set(key, worker);
              preclaimed.set(
                key,
                setTimeout(() => {
                  preclaimed.delete(key);
                  if (claims.get(key) !== worker) return;
                  claims.delete(key);
                  relay(worker, { type: NONE, key });
                }, preclaimMs),
              );
            }
          return;
        case STORED:
        case NONE:
          if (claims.get(msg.key) === worker) {
            claims.delete(msg.key);
            unwait(msg.key);
          }
          relay(worker, msg);
          return;
        case VARIANT:
        case DROPPED:
          relay(worker, msg);
          return;
      }
    },
    /** A worker stopped: the keys it was rendering are free, their waiters go on without it. @param {WorkerLike} worker */
    gone(worker) {
      for (const [key, w] of claims)
        if (w === worker) {
          claims.delete(key);
          unwait(key);
          relay(worker, { type: NONE, key });
        }
    },
  };
}

/**
 * A worker's half, wired to its page cache. `send` and `listen` default to the IPC channel.
 * @param {{ cache: PageCache, send?: (msg: unknown) => void,
 *   listen?: (handler: (msg: any) => void) => void, id?: number }} options
 *   id: this worker among the others (its pid)
 */
export function createPeerClient({
  cache,
  id = process.pid,
  send = (msg) => process.send?.(msg),
  listen = (handler) => process.on("message", handler),
}) {
  let nextId = 0;
  const self = id;
  /** @type {Map<number, (granted: boolean) => void>} */
  const asked = new Map();
  listen((msg) => {
    switch (msg?.type) {
      case CLAIMED:
        asked.get(msg.id)?.(msg.granted === true);
        asked.delete(msg.id);
        return;
      case STORED:
        cache.adopt(msg.key, msg.entry, msg.store === true);
        return;
      case NONE:
        cache.remoteNone(msg.key);
        return;
      case VARIANT:
        cache.adoptVariant(msg.key, msg.etag, msg.encoding, msg.body);
        return;
      case DROPPED:
        cache.peerInvalidated(msg.from, msg.tags, msg.at);
        for (const [key, etag] of msg.pages) cache.dropExact(key, etag);
        return;
    }
  });
  /** @param {unknown} msg */
  const safeSend = (msg) => {
    try {
      send(msg);
    } catch {
      // the primary is gone (shutting down): nothing to coordinate with
    }
  };

  cache.connectPeers({
    /** @param {Entry} entry @param {boolean} store */
    stored(entry, store) {
      /** @type {WireEntry} */
      const wire = {
        tags: entry.tags ? [...entry.tags] : null,
        expiresAt: entry.expiresAt,
        base: entry.base,
        body: entry.identity.body,
        etag: entry.identity.etag,
        renderer: self,
        startedAt: entry.startedAt,
      };
      if (entry.gzip) wire.gzip = { body: entry.gzip.body, etag: entry.gzip.etag };
      safeSend({ type: STORED, key: entry.key, store, entry: wire });
    },
    /** @param {string} key */
    none: (key) => safeSend({ type: NONE, key }),
    /** @param {Entry} entry @param {"gzip" | "br"} encoding */
    variant(entry, encoding) {
      const v = entry[encoding];
      if (v) safeSend({ type: VARIANT, key: entry.key, etag: entry.identity.etag, encoding, body: v.body });
    },
    /** @param {[string, string][]} pages key and identity ETag @param {string[]} tags @param {number} at */
    dropped: (pages, tags, at) => safeSend({ type: DROPPED, pages, tags, at, from: self }),
    /** @param {string[]} keys */
    preclaim: (keys) => safeSend({ type: PRECLAIM, keys }),
  });

  return {
    /**
     * Whether this worker renders `key` (true) or waits for the one that does (false).
     * @param {string} key
     * @returns {Promise<boolean>}
     */
    claim(key) {
      const id = nextId++;
      return new Promise((resolve) => {
        asked.set(id, resolve);
        try {
          send({ type: CLAIM, id, key });
        } catch {
          asked.delete(id);
          resolve(true);
        }
      });
    },
    /** Gives back a key granted after another worker's page had already arrived. @param {string} key */
    release: (key) => safeSend({ type: NONE, key }),
  };
}
