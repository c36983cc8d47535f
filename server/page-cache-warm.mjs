// @ts-check
// Preload after purge: when an invalidation drops cached pages (a publish, an edit, a comment
// approved), the most recently read of them are rendered again at once, over loopback, so the
// next reader gets a fresh page from memory instead of waiting for a render (what WordPress cache
// plugins call preloading). The work is bounded whatever the invalidation: at most `perInvalidation`
// pages from one, at most `queueMax` waiting, one render at a time, so a bulk moderation of a hundred
// comments costs a few renders, not a hundred.

/**
 * @typedef {(url: string, init: { headers: Record<string, string>, signal: AbortSignal }) => Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>} Fetch
 */

const TIMEOUT_MS = 30_000;

/**
 * @param {{
 *   base: () => string | null,
 *   perInvalidation?: number,
 *   queueMax?: number,
 *   fetchImpl?: Fetch,
 *   onError?: (key: string, err: unknown) => void,
 * }} opts
 */
export function createPageWarmer({ base, perInvalidation = 4, queueMax = 8, fetchImpl, onError = () => {} }) {
  /** @type {string[]} */
  const queue = [];
  let running = false;
  const doFetch = fetchImpl ?? /** @type {Fetch} */ (/** @type {unknown} */ (globalThis.fetch));

  async function drain() {
    if (running) return;
    running = true;
    try {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
        const at = base();
        if (!at) continue;
        try {
          // identity: the cache stores the plain bytes and compresses them itself; no cookie, so
          // the page is the signed-out reader's, the only kind the cache keeps
          const res = await doFetch(`${at}${key}`, {
            headers: { "accept-encoding": "identity", "x-byline-warm": "1" },
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
          await res.arrayBuffer();
        } catch (err) {
          onError(key, err);
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    /**
     * Queues the first keys of a dropped set (most recently read first) and starts rendering.
     * Returns the keys it queued.
     * @param {string[]} keys
     */
    warm(keys) {
      /** @type {string[]} */
      const queued = [];
      for (const key of keys.slice(0, perInvalidation)) {
        if (queue.includes(key)) continue;
        if (queue.length >= queueMax) break;
        queue.push(key);
        queued.push(key);
      }
      if (queue.length) setImmediate(() => void drain());
      return queued;
    },
    /** Pages waiting (tests, metrics). */
    get waiting() {
      return queue.length;
    },
  };
}
