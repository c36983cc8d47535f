import { createPendingViews, type PendingViews } from "./pending-views.mjs";

type Options = {
  write: (batch: PendingViews) => Promise<unknown>;
  /** how long a view waits for others to share its write (group commit) */
  batchDelayMs?: number;
  /** when a write failed: how soon the batch is tried again */
  retryDelayMs?: number;
  onError?: (e: unknown) => void;
  /** claims that may wait (writes failing); views beyond are plain counts (pending-views.mjs) */
  maxClaims?: number;
};

const MAX_BATCH_CLAIMS = 5_000;

export type ViewBuffer = {
  /**
   * Resolves once this view is written to the database (it stays queued through failed writes);
   * it adds to the counts only if no instance counted this visitor within the window.
   */
  add: (articleId: string, visitorId: string, at?: Date | number) => Promise<void>;
  flush: () => Promise<void>;
  pending: () => number;
  /** views of one article still waiting to be written, to show a count that includes them */
  pendingFor: (articleId: string) => number;
};

/**
 * Group commit for views. A view is written within `batchDelayMs` of arriving, together with all
 * views that arrived meanwhile or during the previous write: a popular article costs one statement
 * per batch (view-claims.mjs: the claims, the totals, the daily rows), not one per reader, and the
 * beacon is answered only once its view is stored, so a crash (kill -9) loses no acknowledged view
 * (issue 8, finding 14). Writes never overlap; a failed batch is merged back, retried after
 * `retryDelayMs`, and its waiters keep waiting. Memory while PostgreSQL is away: at most `maxClaims`
 * claims wait, views beyond are plain counts per article and day (pending-views.mjs).
 */
export function createViewBuffer({
  write,
  batchDelayMs = 20,
  retryDelayMs = 1_000,
  onError,
  maxClaims,
}: Options): ViewBuffer {
  let views = createPendingViews(maxClaims);
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
    while (views.size() > 0) {
      const batch = views;
      const done = waiters;
      views = createPendingViews(maxClaims);
      waiters = [];
      // at most MAX_BATCH_CLAIMS claims a statement: a backlog after an outage goes in several
      while (batch.size() > 0) {
        const part = batch.take(MAX_BATCH_CLAIMS);
        try {
          await write(part);
        } catch (e) {
          part.merge(batch);
          part.merge(views);
          views = part;
          waiters = done.concat(waiters);
          onError?.(e);
          schedule(retryDelayMs);
          return;
        }
      }
      for (const resolve of done) resolve();
    }
  }

  async function flush(): Promise<void> {
    // wait out a running batch, then write whatever arrived meanwhile
    while (inFlight) await inFlight;
    if (views.size() === 0) return;
    inFlight = drain().finally(() => {
      inFlight = null;
    });
    await inFlight;
  }

  function add(articleId: string, visitorId: string, at: Date | number = Date.now()): Promise<void> {
    views.add(visitorId, articleId, new Date(at).getTime());
    const written = new Promise<void>((resolve) => waiters.push(resolve));
    schedule(batchDelayMs);
    return written;
  }

  return { add, flush, pendingFor: (articleId) => views.viewsOf(articleId), pending: () => views.size() };
}
