import { AppError, UNAVAILABLE_RETRY_SECONDS } from "@/lib/errors";

export type Slots = {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** for tests and health: slots in use and callers waiting */
  stats(): { busy: number; waiting: number };
};

/**
 * A counting semaphore with a bounded wait. The app runs interactive transactions through it so
 * that transactions stuck behind a lock can hold at most `size` of the pool's connections; the
 * rest stay free for reads. A caller that cannot get a slot within `maxWaitMs` is told the
 * server is busy (503) instead of queueing without end.
 */
export function createSlots(size: number, maxWaitMs: number): Slots {
  let busy = 0;
  const waiting: { grant: () => void }[] = [];

  function acquire(): Promise<void> {
    if (busy < size) {
      busy++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(new AppError("UNAVAILABLE", undefined, { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS }));
      }, maxWaitMs);
      waiting.push(waiter);
    });
  }

  function release() {
    const next = waiting.shift();
    // the slot passes straight to the next caller, so `busy` stays the same
    if (next) next.grant();
    else busy--;
  }

  return {
    async run(fn) {
      await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
    stats: () => ({ busy, waiting: waiting.length }),
  };
}
