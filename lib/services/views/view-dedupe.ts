/**
 * "Once per reader per article per window": a bounded LRU of visitor×article keys with a time
 * to live. Memory stays flat under a crawl of fresh visitor ids because the oldest entries are
 * evicted first. Per process: behind several app processes a reader may count once per process
 * within a window, which is an acceptable over-count for a popularity figure.
 */
export type ViewDedupe = {
  shouldCount: (visitorId: string, articleId: string, now?: number) => boolean;
  size: () => number;
};

export const VIEW_WINDOW_MS = 30 * 60 * 1000;

export function createViewDedupe({ windowMs = VIEW_WINDOW_MS, maxEntries = 100_000 } = {}): ViewDedupe {
  // Map iteration order is insertion order; re-inserting on a hit makes it least-recently-used.
  const seen = new Map<string, number>();

  function shouldCount(visitorId: string, articleId: string, now = Date.now()): boolean {
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
