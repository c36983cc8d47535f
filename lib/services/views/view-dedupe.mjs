// @ts-check
/**
 * "Once per reader per article per window": visitor×article keys with the time they were last
 * counted, bounded to `maxEntries`. Two generations instead of one LRU map: when the current one
 * holds half the bound it becomes the old one and the one before is dropped whole, so memory stays
 * flat under a crawl of fresh visitor ids and every call is O(1). (Evicting a Map's oldest key with
 * `keys().next()` is not: V8 leaves deleted entries in place until it rehashes, and each eviction
 * walks past all of them: 20-200 µs per new visitor once 100,000 are remembered, measured.)
 * At least the last maxEntries / 2 counted keys are remembered. This memory is per process and only
 * the cheap first filter: a view it lets through is counted only if its claim in PostgreSQL wins
 * (view-claims.mjs, written with each batch), which makes the rule exact across instances. The
 * window here is the one the claims use.
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
  const half = Math.max(1, Math.floor(maxEntries / 2));
  /** @type {Map<string, number>} */
  let current = new Map();
  /** @type {Map<string, number>} */
  let previous = new Map();
  /** @type {ViewDedupe["shouldCount"]} */
  function shouldCount(visitorId, articleId, now = Date.now()) {
    const key = `${visitorId}\u0000${articleId}`;
    const at = current.get(key) ?? previous.get(key);
    if (at !== undefined && now - at < windowMs) return false;
    if (current.size >= half) {
      previous = current;
      current = new Map();
    }
    current.set(key, now);
    return true;
  }
  return { shouldCount, size: () => current.size + previous.size };
}
