// @ts-check
// The Content API's per-address rate limit for the requests the page cache answers (page-cache.mjs
// stores Content API GETs like public pages). lib/api/respond.ts counts every request that reaches
// Next.js in PostgreSQL (shared by all instances); a request answered from memory must not cost a
// database write, so this process counts every Content API request it sees in memory with the same
// rule, before the cache is asked: one address gets at most the limit from this process whether its
// requests are hits or misses, and the misses stay limited across instances by PostgreSQL too. With
// REDIS_URL the instances add up their counts in Redis (shared-window-counts.mjs). docs/api.md says
// what that means with several instances.

/** lib/api/respond.ts CONTENT_API_RATE, replicated (content-api-limit.test.ts compares them). */
export const CONTENT_API_RATE = { limit: 120, windowMs: 60_000 };

/** The message lib/security/rate-limit-rules.ts rateLimitedError gives; the test compares them. @param {number} seconds */
export function contentApiLimitMessage(seconds) {
  const wait = seconds < 60 ? `${Math.max(1, Math.ceil(seconds))} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return `请求太频繁了（每个地址每分钟 ${CONTENT_API_RATE.limit} 次），请在 ${wait}后再试。`;
}

/**
 * Fixed windows per key, like lib/security/rate-limit.ts `hit`: the first event opens a window of
 * `windowMs`, each one counts, the count starts again when the window has ended. Ended windows
 * are swept when the map reaches `maxKeys`; if every one is live, the oldest are forgotten (their
 * addresses start again: only a flood from more than `maxKeys` addresses a window gets that).
 * @param {{ limit: number, windowMs: number, now?: () => number, maxKeys?: number }} rule
 */
export function createWindowCounter({ limit, windowMs, now = Date.now, maxKeys = 100_000 }) {
  /** @type {Map<string, { points: number, resetAt: number }>} */
  const windows = new Map();
  const sweep = () => {
    const t = now();
    for (const [key, w] of windows) if (w.resetAt <= t) windows.delete(key);
    // down to 90 %: a full map costs one scan per tenth of maxKeys new addresses, not one per address
    const target = Math.floor(maxKeys * 0.9);
    for (const key of windows.keys()) {
      if (windows.size <= target) break;
      windows.delete(key);
    }
  };
  return {
    /**
     * Counts one event for `key`: whether it is within the limit, and when its window ends.
     * @param {string} key
     */
    hit(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        if (w) windows.delete(key);
        else if (windows.size >= maxKeys) sweep();
        w = { points: 0, resetAt: t + windowMs };
        windows.set(key, w);
      }
      w.points++;
      return {
        allowed: w.points <= limit,
        retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - t) / 1000)),
      };
    },
    get size() {
      return windows.size;
    },
  };
}

/**
 * The 429 lib/api/respond.ts sends past the limit (lib/http/api-response.ts' JSON, no-store,
 * Retry-After, open CORS), for a request this process refuses before Next.js.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} retryAfterSeconds
 */
function refuseContentApi(req, res, retryAfterSeconds) {
  const body = JSON.stringify({
    error: { code: "RATE_LIMITED", message: contentApiLimitMessage(retryAfterSeconds), retryAfterSeconds },
  });
  res.writeHead(429, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "private, no-store",
    "retry-after": String(retryAfterSeconds),
    "access-control-allow-origin": "*",
    "access-control-expose-headers": "ETag, Retry-After",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * The limiter the page cache handler asks for each Content API request: true when it refused it.
 * Keyed by the address our server stamped (client-ip.mjs), as lib/api/respond.ts keys its count.
 * `shared`: the count of every instance (shared-window-counts.mjs, with REDIS_URL), else this
 * process' own.
 * @param {{ now?: () => number, shared?: { hit(key: string): { count: number, resetAt: number } } }} [options]
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => boolean}
 */
export function createContentApiLimit({ now = Date.now, shared } = {}) {
  const counter = shared
    ? {
        hit: (/** @type {string} */ key) => {
          const { count, resetAt } = shared.hit(key);
          return {
            allowed: count <= CONTENT_API_RATE.limit,
            retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now()) / 1000)),
          };
        },
      }
    : createWindowCounter({ ...CONTENT_API_RATE, now });
  return (req, res) => {
    const ip = String(req.headers["x-byline-client-ip"] || "unknown");
    const { allowed, retryAfterSeconds } = counter.hit(ip);
    if (allowed) return false;
    refuseContentApi(req, res, retryAfterSeconds);
    return true;
  };
}
