// @ts-check
/**
 * "Once per reader per article per window": a bounded LRU of visitor×article keys with a time
 * to live. Memory stays flat under a crawl of fresh visitor ids because the oldest entries are
 * evicted first. Per process: behind several app processes a reader may count once per process
 * within a window, unless the front sends a visitor's beacons to one process (docs/deploy.md,
 * "View counting"); an acceptable over-count for a popularity figure.
 */

/**
 * @typedef {{
 *   shouldCount: (visitorId: string, articleId: string, now?: number) => boolean,
 *   size: () => number,
 * }} ViewDedupe
 */

export const VIEW_WINDOW_MS = 30 * 60 * 1000;

/**
 * @param {{ windowMs?: number, maxEntries?: number }} [options]
 * @returns {ViewDedupe}
 */
export function createViewDedupe({ windowMs = VIEW_WINDOW_MS, maxEntries = 100_000 } = {}) {
  // Map iteration order is insertion order; re-inserting on a hit makes it least-recently-used.
  /** @type {Map<string, number>} */
  const seen = new Map();
  /** @type {ViewDedupe["shouldCount"]} */
  function shouldCount(visitorId, articleId, now = Date.now()) {
    const key = `${visitorId}\u0000${articleId}`;
    const at = seen.get(key);
    if (at !== undefined && now - at < windowMs) return false;
    seen.delete(key);
    seen.set(key, now);
    while (seen.size > maxEntries) {
      const oldest = seen.keys().next().value;
      if (oldest === undefined) break;
      seen.delete(oldest);
    }
    return true;
  }
  return { shouldCount, size: () => seen.size };
}
