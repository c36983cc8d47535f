// @ts-check
// Next.js' caches in Redis when REDIS_URL is set (issue 15, docs/shared-cache.md): rendered pages
// (the incremental cache) and 'use cache' entries, shared by every instance, so a page one instance
// rendered is not rendered again by the others. The store is @trieb.work/nextjs-turbo-redis-cache
// (tags in a Redis hash, shared through pub/sub); this module puts it in the global slots Next.js
// takes its handlers from (no next.config.js key: page-cache-hook.mjs keeps patching the class in
// the FetchCache slot, see there) and bounds it, because Redis must never take pages down:
//   - every call is given a deadline; a Redis that hangs (paused, a dead link) costs one deadline,
//     then a breaker sends every call straight to its fallback (a miss; a write skipped) until a
//     watcher's PING is answered again;
//   - errors are misses, never exceptions: the library rethrows a failed invalidation, and Next.js
//     awaits it in server actions (a 500 after the write had committed);
//   - an invalidation Redis did not take is kept, and replayed with the site-wide tags once Redis
//     answers again, so an entry stored before an outage is not served after it. (An instance that
//     dies during the outage takes its own list with it: the site-wide tags cover lists and chrome,
//     an article's own page then lives to its revalidate time.)
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createClient } from "@redis/client";

/** Deadlines, ms: a read blocks a render, writes and invalidations do not need to be quick. */
const DEADLINES = { read: 300, write: 2_000 };
/** How often the watcher PINGs Redis, and how long it waits for the answer (renders can hold the event loop). */
const WATCH_EVERY_MS = 1_000;
const WATCH_DEADLINE_MS = 1_000;
/**
 * A deadline timer that fires this much later than asked found the event loop busy (a render), not
 * Redis slow: that call misses, but the breaker stays closed.
 */
const LATE_TIMER_MS = 100;
/** Where a page's lifetime (Next.js' `cacheControl`, which the library does not store) rides in its entry. */
const CACHE_CONTROL = "bylineCacheControl";
/** The replay's check, which reads the library's tag maps again from Redis, may take this long. */
const RESYNC_MS = 10_000;
/** A key no page has: the replay reads it through the library to see that its connection works. */
const CANARY = "/__byline-shared-cache-canary";
/** At most this many missed tags are kept; past it, the site-wide tags alone are replayed. */
const MAX_MISSED_TAGS = 10_000;

/** What (nearly) every public page shows (lib/cache-tags.ts; the cache bus expires the same after a gap). */
export const SITE_WIDE_TAGS = ["articles", "categories", "settings", "pages", "cves", "comments:latest"];

/**
 * The database number of a redis:// URL (the library takes it apart from the URL, and would
 * otherwise pick 1 outside Vercel).
 * @param {string} url
 */
export function databaseOf(url) {
  const n = Number(new URL(url).pathname.slice(1) || "0");
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * Keys carry the site (its database: two sites, or a test run and a site, may share one Redis),
 * the build (a deploy rolling through the instances must not serve another build's pages) and the
 * build's CSP placeholder (pages carry it, and each instance swaps it for the response's nonce:
 * instances with different placeholders, a build made without scripts/lib/build.mjs, share nothing).
 * @param {{ distDir: string, databaseUrl?: string, placeholder: string }} o
 */
function keyPrefixFor({ distDir, databaseUrl, placeholder }) {
  let build = "dev";
  try {
    build = fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim() || build;
  } catch {
    // no build (tests of this module): one prefix for all
  }
  let site = "";
  try {
    const u = new URL(databaseUrl ?? "");
    site = `${u.hostname}:${u.port}${u.pathname}${u.search}`;
  } catch {
    // no database URL: one site
  }
  const hash = (/** @type {string} */ s) => createHash("sha256").update(s).digest("hex").slice(0, 8);
  return `byline:${hash(site)}:${build}:${hash(placeholder)}:`;
}

/**
 * The library's tag maps (its SyncedMap: sharedTagsMap, revalidatedTagsMap), which it fills from
 * Redis at start and keeps in step over pub/sub. Not public API: a library upgrade that renames them
 * makes the replay's check fail (and the breaker stay open), which the fault suite shows at once.
 * @param {unknown[]} stores
 * @returns {{ initialSync(): Promise<void> }[]}
 */
function tagMapsOf(...stores) {
  return stores.flatMap((store) =>
    ["sharedTagsMap", "revalidatedTagsMap"].map((name) => {
      const map = /** @type {Record<string, { initialSync?: () => Promise<void> } | undefined>} */ (store)[
        name
      ];
      if (typeof map?.initialSync !== "function")
        throw new Error(`@trieb.work/nextjs-turbo-redis-cache no longer has ${name}.initialSync()`);
      return /** @type {{ initialSync(): Promise<void> }} */ (map);
    }),
  );
}

/**
 * An error Redis itself answered (node-redis' ErrorReply: OOM, WRONGTYPE...), as against a lost
 * connection or a timeout.
 * @param {unknown} err
 */
function isReplyError(err) {
  return err instanceof Error && err.constructor.name === "ErrorReply";
}

/**
 * The breaker, the deadlines and the list of missed invalidations, apart from Redis itself.
 * @param {{ log: (msg: string) => void, startOpen?: boolean, lateTimerMs?: number }} options
 */
export function createGuard({ log, startOpen = false, lateTimerMs = LATE_TIMER_MS }) {
  let open = startOpen;
  // the watcher lost Redis (not one slow call): other instances may have lost invalidations too
  let outage = false;
  /** @type {Set<string>} */
  const missed = new Set();
  let overflow = false;

  /** @param {string} why @param {{ outage?: boolean }} [o] */
  const trip = (why, o = {}) => {
    if (o.outage) outage = true;
    if (open) return;
    open = true;
    log(`shared cache: Redis ${why}; pages are rendered from PostgreSQL until it answers again`);
  };

  /** @param {string[]} tags */
  const miss = (tags) => {
    for (const t of tags) {
      if (missed.has(t)) continue;
      if (missed.size >= MAX_MISSED_TAGS) overflow = true;
      else missed.add(t);
    }
  };

  /**
   * Runs a call with a deadline: its fallback when the breaker is open (unless `force`: the
   * replay), on an error or past the deadline.
   * @template T
   * @param {string} what
   * @param {number} ms
   * @param {() => Promise<T>} call
   * @param {T} fallback
   * @param {{ force?: boolean, onFail?: () => void }} [o] onFail: the call did not go through
   *   (deadline, error): an invalidation is then kept for the replay, and opens the breaker even when a
   *   busy event loop made it late
   * @returns {Promise<T>}
   */
  const run = (what, ms, call, fallback, o = {}) => {
    if (open && !o.force) return Promise.resolve(fallback);
    return new Promise((resolve) => {
      let settled = false;
      const startedAt = performance.now();
      /** @param {T} value */
      const settle = (value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        const late = performance.now() - startedAt - ms;
        // an answer that waited in the socket behind a busy event loop is read before this runs
        setImmediate(() => {
          if (settled) return;
          if (late < lateTimerMs || o.onFail) trip(`did not answer ${what} within ${ms} ms`);
          o.onFail?.();
          settle(fallback);
        });
      }, ms);
      Promise.resolve()
        .then(call)
        .then(settle, (/** @type {unknown} */ err) => {
          if (settled) return;
          // Redis answered with an error (out of memory, say): no outage, that call misses
          if (!isReplyError(err) || o.onFail)
            trip(`failed ${what} (${err instanceof Error ? err.message : String(err)})`);
          o.onFail?.();
          settle(fallback);
        });
    });
  };

  return {
    run,
    miss,
    trip,
    get open() {
      return open;
    },
    /** What the replay expires: the missed tags, and after an outage the site-wide ones. */
    pending() {
      if (overflow) return [...SITE_WIDE_TAGS];
      return outage ? [...new Set([...missed, ...SITE_WIDE_TAGS])] : [...missed];
    },
    /**
     * The replay of `tags` went through: the breaker closes. Returns what was invalidated while the
     * replay was on its way, for the caller to send now that calls go through again.
     * @param {string[]} tags
     */
    settle(tags) {
      if (overflow) missed.clear();
      else for (const t of tags) missed.delete(t);
      const leftover = [...missed];
      missed.clear();
      overflow = false;
      outage = false;
      open = false;
      return leftover;
    },
    /** @param {string[]} tags invalidations made while open: kept for the replay */
    invalidatedWhileOpen(tags) {
      if (open) miss(tags);
      return open;
    },
  };
}

/**
 * @typedef {{ isReady?: boolean, ping?: () => Promise<unknown> }} LibraryClient
 * @typedef {{ lastModified?: number, value?: Record<string, unknown> | null, cacheControl?: unknown } | null} PageEntry
 * @typedef {{
 *   get(key: string, ctx: unknown): Promise<PageEntry>,
 *   set(key: string, data: unknown, ctx: unknown): Promise<void>,
 *   revalidateTag(tags: string | string[], ...rest: unknown[]): Promise<void>,
 *   resetRequestCache?(): void,
 *   client?: LibraryClient,
 * }} PageStore
 * @typedef {{
 *   get(key: string, softTags: string[]): Promise<unknown>,
 *   set(key: string, pending: Promise<unknown>): Promise<void>,
 *   refreshTags(): Promise<void>,
 *   getExpiration(tags: string[]): Promise<number>,
 *   updateTags(tags: string[], durations?: { expire?: number }): Promise<void>,
 *   client?: LibraryClient,
 * }} EntryStore
 */

/**
 * Builds the bounded handlers and starts the watcher. Returns what goes in Next.js' slots. One per
 * process: the library keeps its 'use cache' handler as a module singleton.
 * @param {{ redisUrl: string, distDir: string, databaseUrl?: string, placeholder?: string,
 *   log?: (msg: string) => void }} options
 */
export async function createSharedCache({
  redisUrl,
  distDir,
  databaseUrl,
  placeholder = "",
  log = console.log,
}) {
  // the library checks notify-keyspace-events once, when it connects, and throws inside its
  // client when Redis is not up yet; the watcher sees to it on every (re)connect instead
  process.env.SKIP_KEYSPACE_CONFIG_CHECK = "true";
  const lib = await import("@trieb.work/nextjs-turbo-redis-cache");
  const options = {
    redisUrl,
    database: databaseOf(redisUrl),
    keyPrefix: keyPrefixFor({ distDir, databaseUrl, placeholder }),
    // above ours: the library answers a late read as a miss without a word, our deadline opens the breaker
    getTimeoutMs: DEADLINES.read * 3,
    // no second memory layer: the in-process page cache is ours, and an entry the library keeps in
    // memory would outlive an invalidation made while Redis is away
    inMemoryCachingTime: 0,
    // and so no de-duplication map, which announced every read to every instance over pub/sub
    redisGetDeduplication: false,
    // Redis' time to live for an entry without a lifetime of its own (ours carry theirs: a page's
    // expire time, a year by default, so Redis needs an eviction policy: docs/shared-cache.md)
    defaultStaleAge: 24 * 60 * 60,
  };
  // open from the start, without a word: the library connects once the watcher has heard Redis
  // (redis@4 built while Redis is down mixed up its replies once it came up: an uncaught TypeError)
  const guard = createGuard({ log, startOpen: true });
  /** @type {{ pages: PageStore, entries: EntryStore } | null} */
  let stores = null;
  // past the breaker, or in the replay (which builds them first), the stores exist
  const S = () => /** @type {{ pages: PageStore, entries: EntryStore }} */ (stores);
  const connectLibrary = () => {
    stores ??= {
      pages: /** @type {PageStore} */ (/** @type {unknown} */ (new lib.RedisStringsHandler(options))),
      entries: /** @type {EntryStore} */ (
        /** @type {unknown} */ (lib.getRedisCacheComponentsHandler({ ...options, serverDistDir: undefined }))
      ),
    };
    return stores;
  };

  /**
   * Whether an invalidation is kept for the replay instead of sent: the breaker is open, or the
   * library's client is not connected (it then drops invalidations without a word).
   * @param {LibraryClient | undefined} client
   * @param {string[]} tags
   */
  const keep = (client, tags) => {
    if (!guard.open && !client?.isReady) guard.trip("is not connected");
    return guard.invalidatedWhileOpen(tags);
  };

  /** @param {string[]} tags */
  const expirePages = (tags) =>
    keep(stores?.pages.client, tags)
      ? Promise.resolve()
      : guard.run("an invalidation", DEADLINES.write, () => S().pages.revalidateTag(tags), undefined, {
          onFail: () => guard.miss(tags),
        });

  /** @param {string[]} tags @param {{ expire?: number }} [durations] */
  const expireEntries = (tags, durations) =>
    keep(stores?.entries.client, tags)
      ? Promise.resolve()
      : guard.run(
          "an invalidation",
          DEADLINES.write,
          () => S().entries.updateTags(tags, durations),
          undefined,
          {
            onFail: () => guard.miss(tags),
          },
        );

  /**
   * The incremental cache class for the FetchCache slot (Next.js constructs it per request
   * context; all share the one store).
   */
  class SharedPageCache {
    /**
     * @param {string} key @param {unknown} ctx
     * @returns {Promise<import("./page-cache-hook.mjs").CacheEntry>}
     */
    async get(key, ctx) {
      const entry = await guard.run("a page read", DEADLINES.read, () => S().pages.get(key, ctx), null);
      const value = entry?.value;
      if (!value || !(CACHE_CONTROL in value))
        return /** @type {import("./page-cache-hook.mjs").CacheEntry} */ (entry);
      const { [CACHE_CONTROL]: cacheControl, ...rest } = value;
      return /** @type {import("./page-cache-hook.mjs").CacheEntry} */ ({
        ...entry,
        value: rest,
        cacheControl,
      });
    }
    /** @param {string} key @param {unknown} data @param {unknown} ctx */
    set(key, data, ctx) {
      // Next.js takes a page's lifetime from its entry when there is one (another instance may have
      // stored it); without it, a page this process never stored would be stale after a second
      const cacheControl = /** @type {{ cacheControl?: unknown } | null} */ (ctx)?.cacheControl;
      const stored =
        data && typeof data === "object" && cacheControl ? { ...data, [CACHE_CONTROL]: cacheControl } : data;
      return guard.run("a page write", DEADLINES.write, () => S().pages.set(key, stored, ctx), undefined);
    }
    /** @param {string | string[]} tags */
    revalidateTag(tags) {
      return expirePages(typeof tags === "string" ? [tags] : [...tags]);
    }
    resetRequestCache() {
      stores?.pages.resetRequestCache?.();
    }
  }

  /** The 'use cache' handler (DefaultCache and RemoteCache slots). */
  const entryHandler = {
    /** @param {string} key @param {string[]} softTags */
    get: (key, softTags) =>
      guard.run("an entry read", DEADLINES.read, () => S().entries.get(key, softTags), undefined),
    /** @param {string} key @param {Promise<unknown>} pending */
    set: (key, pending) =>
      guard.run("an entry write", DEADLINES.write, () => S().entries.set(key, pending), undefined),
    refreshTags: () => guard.run("a tag refresh", DEADLINES.read, () => S().entries.refreshTags(), undefined),
    // unknown: "expired now" (the library's get() ignores soft tags, so Infinity would not be checked)
    /** @param {string[]} tags */
    getExpiration: (tags) =>
      guard.run("a tag read", DEADLINES.read, () => S().entries.getExpiration(tags), Date.now()),
    updateTags: expireEntries,
  };

  let replaying = false;
  let connectedOnce = false;
  /**
   * Redis answered the watcher. The breaker closes once the library's own connections answer too,
   * its tag maps are read again from Redis (pub/sub messages sent while this instance was cut off
   * are lost to it) and what Redis missed has been expired there, with the breaker still open: no
   * request reads an entry the replay is about to expire.
   */
  async function replay() {
    if (!guard.open || replaying) return;
    replaying = true;
    const { pages, entries } = connectLibrary();
    try {
      const alive = await guard.run(
        "a check",
        RESYNC_MS,
        async () => {
          await Promise.all([pages.client?.ping?.(), entries.client?.ping?.()]);
          await Promise.all([pages.get(CANARY, { kind: "APP_PAGE" }), entries.getExpiration([])]);
          await Promise.all(tagMapsOf(pages, entries).map((map) => map.initialSync()));
          return Boolean(pages.client?.isReady && entries.client?.isReady);
        },
        false,
        { force: true },
      );
      if (!alive) return;
      const tags = guard.pending();
      const sent = await guard.run(
        "the replay",
        DEADLINES.write,
        async () => {
          if (tags.length) await Promise.all([pages.revalidateTag(tags), entries.updateTags(tags)]);
          return true;
        },
        false,
        { force: true },
      );
      if (!sent) return;
      const leftover = guard.settle(tags);
      log(
        connectedOnce
          ? `shared cache: Redis answers again; expired ${tags.length} tags it may have missed`
          : "shared cache: connected to Redis",
      );
      connectedOnce = true;
      // invalidated while the replay was on its way: sent now that calls go through
      if (leftover.length) await Promise.all([expirePages(leftover), expireEntries(leftover)]);
    } finally {
      replaying = false;
    }
  }

  /** @type {{ stop: () => Promise<void> } | null} */
  let watcher = null;

  return {
    PageCache: SharedPageCache,
    entryHandler,
    guard,
    /**
     * Starts watching Redis, and connects the library once it answers: after Next.js has set up
     * its process handlers, which log (rather than die of) the library's unhandled rejections
     * when a connection drops.
     */
    start() {
      watcher ??= watchRedis({
        redisUrl,
        log,
        onLost: (why) => guard.trip(why, { outage: true }),
        onAnswer: () => void replay(),
      });
    },
    stop: async () => {
      await watcher?.stop();
      // the library has no close(): its clients, and those its synced maps subscribe with
      /** @type {unknown[]} */
      const clients = [];
      for (const store of stores ? [stores.pages, stores.entries] : []) {
        clients.push(store.client);
        for (const part of Object.values(store))
          if (part && typeof part === "object" && "subscriberClient" in part)
            clients.push(part.subscriberClient);
      }
      await Promise.all(
        clients.map(async (c) => {
          try {
            await /** @type {{ disconnect?: () => Promise<void> }} */ (c)?.disconnect?.();
          } catch {
            // closed already
          }
        }),
      );
    },
  };
}

/**
 * PINGs Redis every second on a client of its own. Sees to notify-keyspace-events (the library
 * hears expiries through it) on every connect, adding to what is set rather than replacing it; a
 * managed Redis that refuses CONFIG needs it in its configuration.
 * @param {{ redisUrl: string, log: (msg: string) => void, onLost: (why: string) => void, onAnswer: () => void }} o
 */
function watchRedis({ redisUrl, log, onLost, onAnswer }) {
  const client = createClient({
    url: redisUrl,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(200 * 2 ** retries, 2_000) },
  });
  client.on("error", () => {});
  let up = false;
  let stopped = false;
  let configWarned = false;
  const keyspaceEvents = async () => {
    try {
      const current = (await client.configGet("notify-keyspace-events"))["notify-keyspace-events"] ?? "";
      const enough =
        current.includes("E") && (current.includes("A") || (current.includes("x") && current.includes("e")));
      if (!enough) await client.configSet("notify-keyspace-events", [...new Set(`${current}Exe`)].join(""));
    } catch (err) {
      if (!configWarned)
        log(`shared cache: could not set notify-keyspace-events (add Exe in redis.conf): ${String(err)}`);
      configWarned = true;
    }
  };
  // two PINGs in a row unanswered make an outage: one can lose to a render holding the event loop
  let unanswered = 0;
  const tick = async () => {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const startedAt = performance.now();
    try {
      await Promise.race([
        client.ping(),
        new Promise(
          (_, reject) => (timer = setTimeout(() => reject(new Error("no answer")), WATCH_DEADLINE_MS)),
        ),
      ]);
      unanswered = 0;
      if (!up) {
        up = true;
        await keyspaceEvents();
      }
      // also when only a call or the library's client opened the breaker
      onAnswer();
    } catch (err) {
      const late = performance.now() - startedAt - WATCH_DEADLINE_MS > LATE_TIMER_MS;
      if (!late) unanswered++;
      if (unanswered >= 2) {
        onLost(`did not answer a PING (${err instanceof Error ? err.message : String(err)})`);
        up = false;
      }
    } finally {
      clearTimeout(timer);
    }
  };
  const loop = async () => {
    while (!stopped) {
      if (client.isReady) await tick();
      else {
        onLost("is not connected");
        up = false;
      }
      await new Promise((r) => setTimeout(r, WATCH_EVERY_MS).unref());
    }
  };
  // the first connect settles before the first look (else every start would log an outage)
  const connecting = client.connect().catch(() => {});
  void Promise.race([connecting, new Promise((r) => setTimeout(r, 2_000))]).then(loop);
  return {
    stop: async () => {
      stopped = true;
      if (client.isOpen) client.destroy();
    },
  };
}
