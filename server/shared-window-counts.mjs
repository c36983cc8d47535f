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
import { createClient } from "@redis/client";

/** At most this many addresses a window are sent per exchange; the rest wait for the next one. */
const MAX_KEYS_PER_EXCHANGE = 2_000;

/**
 * @param {{ redisUrl: string, windowMs: number, prefix?: string, exchangeMs?: number,
 *   now?: () => number, maxKeys?: number, log?: (msg: string) => void }} options
 *   exchangeMs: 0 for none on a timer (tests call exchange()); maxKeys: addresses kept in memory
 */
export function createSharedWindowCounts({
  redisUrl,
  windowMs,
  prefix = "byline:content-api:",
  exchangeMs = 250,
  now = Date.now,
  maxKeys = 100_000,
  log = () => {},
}) {
  /** @type {Map<string, { window: number, unsent: number, known: number }>} */
  const counts = new Map();
  const client = createClient({
    url: redisUrl,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(200 * 2 ** retries, 2_000) },
    // a command to a Redis that is gone fails at once instead of waiting in a queue
    disableOfflineQueue: true,
  });
  let failing = false;
  client.on("error", () => {});
  const connecting = client.connect().then(
    () => {},
    () => {},
  );
  let inFlight = false;

  const windowOf = (/** @type {number} */ t) => Math.floor(t / windowMs);

  /**
   * Sends what was counted since the last exchange and learns the totals, for every address this
   * instance has seen this window (the others count it too).
   */
  async function exchange() {
    if (inFlight || !client.isReady) return;
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
      const multi = client.multi();
      for (const [key, c, n] of batch) {
        const redisKey = `${prefix}${c.window}:${key}`;
        // the expiry rides on every exchange: a key first made by another instance gets one too
        if (n > 0) multi.incrBy(redisKey, n);
        else multi.get(redisKey);
        multi.pExpire(redisKey, windowMs * 2);
      }
      const replies = await multi.exec();
      batch.forEach(([, c, n], i) => {
        c.unsent -= n;
        c.known = Math.max(c.known, Number(replies[i * 2] ?? 0));
      });
      // the oldest addresses go to the back, so a window with more than fit in one exchange takes turns
      for (const [key, c] of batch) if (counts.delete(key)) counts.set(key, c);
      if (failing) log("content API limit: counting across instances again (Redis answers)");
      failing = false;
    } catch (err) {
      if (!failing)
        log(
          `content API limit: Redis did not take the counts (${err instanceof Error ? err.message : String(err)}); each instance counts its own meanwhile`,
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
    connected: connecting,
    get size() {
      return counts.size;
    },
    async close() {
      if (timer) clearInterval(timer);
      await exchange().catch(() => {});
      if (client.isOpen) client.destroy();
    },
  };
}
