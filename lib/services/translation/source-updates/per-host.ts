import { setTimeout as delay } from "node:timers/promises";

export type PoliteOptions = {
  /** at least this long between the starts of two requests to one host */
  perHostDelayMs: number;
  /** hosts worked on at once; each host's own requests are always one after another */
  hostConcurrency?: number;
  sleep?: (ms: number) => Promise<unknown>;
  clock?: () => number;
  /** stops before the next request (shutdown); the one under way finishes */
  signal?: AbortSignal;
};

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url; // an unparsable URL fails in the fetcher; it just needs a queue of its own
  }
};

/**
 * Runs `work` for every item, at most one request per source host every perHostDelayMs: items
 * are queued by host and the hosts run side by side, so a wait only ever separates two requests
 * to the same host. `work` must not throw (it records its own failures).
 */
export async function forEachPolitely<T extends { sourceUrl: string }>(
  items: T[],
  work: (item: T) => Promise<void>,
  opts: PoliteOptions,
): Promise<void> {
  const { perHostDelayMs, hostConcurrency = 4, clock = Date.now, signal } = opts;
  const sleep = opts.sleep ?? ((ms: number) => delay(ms, undefined, { signal }).catch(() => {}));
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const host = hostOf(item.sourceUrl);
    const q = queues.get(host);
    if (q) q.push(item);
    else queues.set(host, [item]);
  }
  const pending = [...queues.values()];
  const runHost = async (queue: T[]) => {
    let lastStart: number | undefined;
    for (const item of queue) {
      if (lastStart !== undefined) {
        const wait = lastStart + perHostDelayMs - clock();
        if (wait > 0) await sleep(wait);
      }
      if (signal?.aborted) return;
      lastStart = clock();
      await work(item);
    }
  };
  const lane = async () => {
    for (let q = pending.shift(); q; q = pending.shift()) await runHost(q);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(hostConcurrency, pending.length)) }, lane));
}
