import { viewKey, type ViewCounts } from "./flush-view-counts";
import { viewDay } from "./view-day.mjs";

type Options = {
  write: (counts: ViewCounts) => Promise<unknown>;
  /** how long a view waits for others to share its write (group commit) */
  batchDelayMs?: number;
  /** when a write failed: how soon the batch is tried again */
  retryDelayMs?: number;
  onError?: (e: unknown) => void;
};

export type ViewBuffer = {
  /** resolves once this view is written to the database (it stays queued through failed writes) */
  add: (articleId: string, at?: Date | number) => Promise<void>;
  flush: () => Promise<void>;
  pending: () => number;
  /** views of one article still waiting to be written, to show a count that includes them */
  pendingFor: (articleId: string) => number;
};

/**
 * Group commit for views. A view is written within `batchDelayMs` of arriving, together with all
 * views that arrived meanwhile or during the previous write: a popular article costs one UPDATE
 * per batch, not one per reader, and the beacon is answered only once its view is stored, so a
 * crash (kill -9) loses no acknowledged view (issue 8, finding 14). Writes never overlap; a failed
 * batch is merged back, retried after `retryDelayMs`, and its waiters keep waiting.
 */
export function createViewBuffer({
  write,
  batchDelayMs = 20,
  retryDelayMs = 1_000,
  onError,
}: Options): ViewBuffer {
  let counts: ViewCounts = new Map();
  let waiters: (() => void)[] = [];
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function schedule(delayMs: number) {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delayMs);
    // a pending write must not keep a finishing process alive (shutdown hooks flush explicitly)
    timer.unref?.();
  }

  async function drain() {
    while (counts.size > 0) {
      const batch = counts;
      const done = waiters;
      counts = new Map();
      waiters = [];
      try {
        await write(batch);
      } catch (e) {
        for (const [k, n] of batch) counts.set(k, (counts.get(k) ?? 0) + n);
        waiters = done.concat(waiters);
        onError?.(e);
        schedule(retryDelayMs);
        return;
      }
      for (const resolve of done) resolve();
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

  function add(articleId: string, at: Date | number = Date.now()): Promise<void> {
    const key = viewKey(articleId, viewDay(at));
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const written = new Promise<void>((resolve) => waiters.push(resolve));
    schedule(batchDelayMs);
    return written;
  }

  function pendingFor(articleId: string) {
    let n = 0;
    for (const [k, v] of counts) if (k.startsWith(`${articleId}\u0000`)) n += v;
    return n;
  }

  return { add, flush, pendingFor, pending: () => [...counts.values()].reduce((a, b) => a + b, 0) };
}
