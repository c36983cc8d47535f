import { viewKey, type ViewCounts } from "./flush-view-counts";
import { viewDay } from "./view-day";

type Options = {
  write: (counts: ViewCounts) => Promise<unknown>;
  /** flush early when this many distinct article-days are pending */
  maxPending?: number;
  onError?: (e: unknown) => void;
};

export type ViewBuffer = {
  add: (articleId: string, at?: Date | number) => void;
  flush: () => Promise<void>;
  pending: () => number;
  /** views of one article still waiting to be written, to show a count that includes them */
  pendingFor: (articleId: string) => number;
};

/**
 * Collects views in memory and writes them in batches, so a popular article costs one UPDATE
 * every few seconds instead of one per reader. Flushes never overlap; a failed batch is merged
 * back and retried with the next one rather than lost.
 */
export function createViewBuffer({ write, maxPending = 5_000, onError }: Options): ViewBuffer {
  let counts: ViewCounts = new Map();
  let inFlight: Promise<void> | null = null;

  async function drain() {
    while (counts.size > 0) {
      const batch = counts;
      counts = new Map();
      try {
        await write(batch);
      } catch (e) {
        for (const [k, n] of batch) counts.set(k, (counts.get(k) ?? 0) + n);
        onError?.(e);
        return;
      }
    }
  }

  async function flush(): Promise<void> {
    // wait out a running batch, then write whatever arrived meanwhile
    while (inFlight) await inFlight;
    if (counts.size === 0) return;
    inFlight = drain().finally(() => {
      inFlight = null;
    });
    await inFlight;
  }

  function add(articleId: string, at: Date | number = Date.now()) {
    const key = viewKey(articleId, viewDay(at));
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (counts.size >= maxPending) void flush();
  }

  function pendingFor(articleId: string) {
    let n = 0;
    for (const [k, v] of counts) if (k.startsWith(`${articleId}\u0000`)) n += v;
    return n;
  }

  return { add, flush, pendingFor, pending: () => [...counts.values()].reduce((a, b) => a + b, 0) };
}
