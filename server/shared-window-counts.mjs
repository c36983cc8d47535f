// @ts-check
// The Content API's count of the requests our HTTP server sees (content-api-limit.mjs), shared by
// the instances through Redis when REDIS_URL is set (issue 15, docs/api.md). The decision stays
// synchronous: a page-cache hit must not wait on Redis. Each instance counts on its own and, every
// 250 ms, adds what it counted to Redis (INCRBY on one key per address and window, which expires
// with the window) and learns the total. An address is refused once the total at the last exchange
// plus what this instance counted since passes the limit: the limit holds across instances, give
// or take a quarter of a second of the other instances' traffic. Redis away: the exchange fails,
// nothing counted is dropped, and each instance goes on counting its own (the limit per instance,
// as without Redis).
//
// The workers of one machine (cluster.mjs) add up theirs the same way through the primary
// (primaryCountStore below) when there is no Redis: the limit holds for the machine, not per worker.
import { createClient } from "@redis/client";
import { askPrimary } from "./primary-requests.mjs";

/** A worker's counts to the primary, which answers with the totals (cluster.mjs). */
export const COUNTS_REQUEST = "byline:window-counts";

/**
 * Where the counts are added up: `add` takes [key, window, count] (count 0: only asking) and
 * resolves with each key's total for its window.
 * @typedef {{ name: string, add(batch: [string, number, number][]): Promise<number[]>,
 *   ready: Promise<void>, isReady(): boolean, close(): void }} CountStore
 */

/**
 * @param {{ redisUrl: string, windowMs: number, prefix: string }} options
 * @returns {CountStore}
 */
function redisCountStore({ redisUrl, windowMs, prefix }) {
  const client = createClient({
    url: redisUrl,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(200 * 2 ** retries, 2_000) },
    // a command to a Redis that is gone fails at once instead of waiting in a queue
    disableOfflineQueue: true,
  });
  client.on("error", () => {});
  const ready = client.connect().then(
    () => {},
    () => {},
  );
  return {
    name: "Redis",
    ready,
    isReady: () => client.isReady,
    async add(batch) {
      const multi = client.multi();
      for (const [key, window, n] of batch) {
        const redisKey = `${prefix}${window}:${key}`;
        // the expiry rides on every exchange: a key first made by another instance gets one too
        if (n > 0) multi.incrBy(redisKey, n);
        else multi.get(redisKey);
        multi.pExpire(redisKey, windowMs * 2);
      }
      const replies = await multi.exec();
      return batch.map((_, i) => Number(replies[i * 2] ?? 0));
    },
    close: () => {
      if (client.isOpen) client.destroy();
    },
  };
}

/**
 * The primary of this machine's workers as the store (cluster.mjs keeps the totals).
 * @returns {CountStore}
 */
export function primaryCountStore() {
  return {
    name: "the primary process",
    ready: Promise.resolve(),
    isReady: () => process.connected === true,
    add: (batch) => askPrimary(COUNTS_REQUEST, { batch }, 2_000),
    close: () => {},
  };
}

/** The primary's half: totals per key and window, windows older than the last two forgotten. */
export function createCountTotals() {
  /** @type {Map<string, number>} */
  const totals = new Map();
  let latest = 0;
  return {
    /** @param {[string, number, number][]} batch @returns {number[]} */
    add(batch) {
      for (const [, window] of batch)
        if (window > latest) {
          latest = window;
          for (const k of totals.keys())
            if (Number(k.slice(0, k.indexOf(":"))) < latest - 1) totals.delete(k);
        }
      return batch.map(([key, window, n]) => {
        const k = `${window}:${key}`;
        const total = (totals.get(k) ?? 0) + n;
        if (window >= latest - 1) totals.set(k, total);
        return total;
      });
    },
    get size() {
      return totals.size;
    },
  };
}
/** At most this many addresses a window are sent per exchange; the rest wait for the next one. */
const MAX_KEYS_PER_EXCHANGE = 2_000;

/**
 * @param {{ redisUrl?: string, store?: CountStore, windowMs: number, prefix?: string, exchangeMs?: number,
 *   now?: () => number, maxKeys?: number, log?: (msg: string) => void }} options
 *   redisUrl or store: where the counts are added up; exchangeMs: 0 for none on a timer (tests call
 *   exchange()); maxKeys: addresses kept in memory
 */
export function createSharedWindowCounts({
  redisUrl,
  store: given,
  windowMs,
  prefix = "byline:content-api:",
  exchangeMs = 250,
  now = Date.now,
  maxKeys = 100_000,
  log = () => {},
}) {
  /** @type {Map<string, { window: number, unsent: number, known: number }>} */
  const counts = new Map();
  const store = given ?? redisCountStore({ redisUrl: redisUrl ?? "", windowMs, prefix });
  let failing = false;
  let inFlight = false;

  const windowOf = (/** @type {number} */ t) => Math.floor(t / windowMs);

  /**
   * Sends what was counted since the last exchange and learns the totals, for every address this
   * instance has seen this window (the others count it too).
   */
  async function exchange() {
    if (inFlight || !store.isReady()) return;
    const current = windowOf(now());
    /** @type {[string, { window: number, unsent: number, known: number }, number][]} */
    const batch = [];
    for (const [key, c] of counts) {
      if (c.window !== current) {
        counts.delete(key);
        continue;
      }
      batch.push([key, c, c.unsent]);
      if (batch.length >= MAX_KEYS_PER_EXCHANGE) break;
    }
    if (!batch.length) return;
    inFlight = true;
    try {
      const totals = await store.add(batch.map(([key, c, n]) => [key, c.window, n]));
      batch.forEach(([, c, n], i) => {
        c.unsent -= n;
        c.known = Math.max(c.known, totals[i] ?? 0);
      });
      // the oldest addresses go to the back, so a window with more than fit in one exchange takes turns
      for (const [key, c] of batch) if (counts.delete(key)) counts.set(key, c);
      if (failing) log(`content API limit: counting across instances again (${store.name} answers)`);
      failing = false;
    } catch (err) {
      if (!failing)
        log(
          `content API limit: ${store.name} did not take the counts (${err instanceof Error ? err.message : String(err)}); each instance counts its own meanwhile`,
        );
      failing = true;
    } finally {
      inFlight = false;
    }
  }

  const timer = exchangeMs > 0 ? setInterval(() => void exchange(), exchangeMs).unref() : null;

  return {
    /**
     * Counts one request for `key`: how many the instances have had this window, and when it ends.
     * @param {string} key
     */
    hit(key) {
      const t = now();
      const window = windowOf(t);
      let c = counts.get(key);
      if (!c || c.window !== window) {
        if (!c && counts.size >= maxKeys) {
          // the oldest addresses are forgotten: only a flood from more than maxKeys of them gets that
          const drop = Math.ceil(maxKeys / 10);
          for (const k of counts.keys()) if (counts.delete(k) && counts.size <= maxKeys - drop) break;
        }
        c = { window, unsent: 0, known: 0 };
        counts.set(key, c);
      }
      c.unsent++;
      return { count: c.known + c.unsent, resetAt: (window + 1) * windowMs };
    },
    exchange,
    /** settles once the first connection attempt has (tests wait for it) */
    connected: store.ready,
    get size() {
      return counts.size;
    },
    async close() {
      if (timer) clearInterval(timer);
      await exchange().catch(() => {});
      store.close();
    },
  };
}
