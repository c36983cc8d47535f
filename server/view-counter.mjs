// @ts-check
// The view counts behind the server's beacon (view-beacon.mjs): which public ids are published
// articles (a small directory in memory, refreshed from PostgreSQL) and the views not yet written
// (a buffer of counters per article and day, written in one transaction every FLUSH_MS or at
// MAX_KEYS keys, and on shutdown). No request waits for PostgreSQL once its article is known.
//
// Durability: a view is acknowledged before it is written. A crash (kill -9) loses at most the
// views of the last `flushMs` plus the write in progress (250 ms by default); while PostgreSQL is
// unreachable the buffer keeps counting (one number per article and day, so memory stays bounded
// by the directory) and retries every `retryMs`, and a crash in that time loses the backlog.
// Several instances: every write adds to the row (UPDATE … + n, INSERT … ON CONFLICT … + n), so
// instances never overwrite each other's counts; docs/request-path.md ("The view beacon").
import { viewDay } from "../lib/services/views/view-day.mjs";

/** @typedef {{ id: string, base: number, at: number }} Article */
/** @typedef {(sql: string, params: unknown[]) => Promise<{ rows: any[] }>} Query */
/**
 * @typedef {{
 *   query: Query,
 *   transaction: <T>(work: (query: Query) => Promise<T>) => Promise<T>,
 * }} Database
 */

/** What recordView counts as readable (lib/services/views/record-view.ts): published, not scheduled. */
const LOOKUP = `SELECT id, "viewCount" FROM articles WHERE "publicId" = $1 AND status = 'PUBLISHED' AND "publishedAt" <= now()`;

// The same two statements as lib/services/views/flush-view-counts.ts, over arrays instead of a
// VALUES list so the statement text never changes. Articles unpublished or deleted since the
// view match nothing and are skipped.
const ADD_TOTALS = `
  UPDATE articles AS a SET "viewCount" = a."viewCount" + t.n
  FROM (SELECT v.id, sum(v.n)::int AS n FROM unnest($1::text[], $2::int[]) AS v(id, n) GROUP BY v.id) AS t
  WHERE a.id = t.id
  RETURNING a.id, a."viewCount"`;
const ADD_DAYS = `
  INSERT INTO article_view_days ("articleId", day, views)
  SELECT v.id, v.day, v.n FROM unnest($1::text[], $2::date[], $3::int[]) AS v(id, day, n)
  WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = v.id)
  ON CONFLICT ("articleId", day) DO UPDATE SET views = article_view_days.views + EXCLUDED.views`;

/**
 * @param {{
 *   db: Database,
 *   flushMs?: number, maxKeys?: number, retryMs?: number,
 *   knownTtlMs?: number, unknownTtlMs?: number, maxArticles?: number, maxLookups?: number,
 *   now?: () => number, log?: (msg: string) => void,
 * }} options
 *   flushMs: the longest a view waits in memory (the crash window); maxKeys: article×day
 *   counters that force an early write; knownTtlMs / unknownTtlMs: how long a looked-up public
 *   id is trusted (a just-published article is countable within unknownTtlMs of a beacon that
 *   found it unpublished); maxArticles: directory size; maxLookups: lookups at once, beyond
 *   which a beacon for an unknown id is refused (a flood of invented ids must not queue forever).
 */
export function createViewCounter({
  db,
  flushMs = 250,
  maxKeys = 5_000,
  retryMs = 1_000,
  knownTtlMs = 60_000,
  unknownTtlMs = 10_000,
  maxArticles = 10_000,
  maxLookups = 32,
  now = Date.now,
  log = console.error,
}) {
  /** @type {Map<string, Article | null>} public id → article (null: not countable), LRU order */
  const directory = new Map();
  /** @type {Map<string, number>} */
  const unknownAt = new Map();
  /** @type {Map<string, Promise<Article | null>>} */
  const lookups = new Map();
  /** @type {Map<string, Article>} article id → its directory entry, for the write's new totals */
  const byId = new Map();
  /** "<articleId>\0<day>" → views not yet written */
  let pending = new Map();
  /** the batch being written: still shown in the figure until its new total arrives */
  let writing = new Map();
  /** @type {Promise<void> | null} */
  let inFlight = null;
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  let closed = false;

  /** @param {string} publicId @param {Article | null} article */
  function remember(publicId, article) {
    directory.delete(publicId);
    directory.set(publicId, article);
    if (article) byId.set(article.id, article);
    else unknownAt.set(publicId, now());
    while (directory.size > maxArticles) {
      const [oldId, old] = directory.entries().next().value ?? [];
      if (oldId === undefined) break;
      directory.delete(oldId);
      unknownAt.delete(oldId);
      if (old && !hasPending(old.id)) byId.delete(old.id);
    }
  }

  /**
   * The article behind a public id when known and fresh, without waiting; undefined when it
   * must be looked up. A stale known entry is served and refreshed in the background.
   * @param {string} publicId
   * @returns {Article | null | undefined}
   */
  function peek(publicId) {
    if (!directory.has(publicId)) return undefined;
    const article = directory.get(publicId) ?? null;
    if (article === null) {
      return now() - (unknownAt.get(publicId) ?? 0) < unknownTtlMs ? null : undefined;
    }
    if (now() - article.at >= knownTtlMs) void lookup(publicId).catch(() => {});
    return article;
  }

  /**
   * One query per public id at a time, shared by every beacon waiting for it.
   * @param {string} publicId
   * @returns {Promise<Article | null>}
   */
  function lookup(publicId) {
    const running = lookups.get(publicId);
    if (running) return running;
    if (lookups.size >= maxLookups) return Promise.reject(new Error("too many article lookups at once"));
    const p = db
      .query(LOOKUP, [publicId])
      .then(({ rows }) => {
        const row = rows[0];
        /** @type {Article | null} */
        const article = row ? { id: String(row.id), base: Number(row.viewCount), at: now() } : null;
        // a refresh keeps the entry's identity: writes in flight update it by article id
        const known = article ? byId.get(article.id) : undefined;
        if (known && article) {
          known.base = article.base;
          known.at = article.at;
          remember(publicId, known);
          return known;
        }
        remember(publicId, article);
        return article;
      })
      .finally(() => lookups.delete(publicId));
    lookups.set(publicId, p);
    return p;
  }

  /** @param {string} articleId */
  function hasPending(articleId) {
    for (const k of pending.keys()) if (k.startsWith(`${articleId}\u0000`)) return true;
    for (const k of writing.keys()) if (k.startsWith(`${articleId}\u0000`)) return true;
    return false;
  }

  /** @param {number} delayMs */
  function schedule(delayMs) {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delayMs);
    // the shutdown path flushes explicitly; a timer must not keep a finished process alive
    timer.unref?.();
  }

  /**
   * Counts one view of an article now (the caller has decided that it counts).
   * @param {Article} article
   */
  function add(article) {
    const key = `${article.id}\u0000${viewDay(now())}`;
    pending.set(key, (pending.get(key) ?? 0) + 1);
    byId.set(article.id, article);
    if (pending.size >= maxKeys) void flush();
    else schedule(flushMs);
  }

  /**
   * The figure to show: the last total read from PostgreSQL plus this process' views not yet in it.
   * @param {Article} article
   */
  function viewsOf(article) {
    let n = article.base;
    const prefix = `${article.id}\u0000`;
    for (const [k, v] of pending) if (k.startsWith(prefix)) n += v;
    for (const [k, v] of writing) if (k.startsWith(prefix)) n += v;
    return n;
  }

  async function write() {
    while (pending.size > 0) {
      writing = pending;
      pending = new Map();
      /** @type {Map<string, number>} */
      const totals = new Map();
      /** @type {string[]} */
      const ids = [];
      /** @type {string[]} */
      const days = [];
      /** @type {number[]} */
      const counts = [];
      for (const [key, n] of writing) {
        const [id = "", day = ""] = key.split("\u0000");
        totals.set(id, (totals.get(id) ?? 0) + n);
        ids.push(id);
        days.push(day);
        counts.push(n);
      }
      try {
        const { rows } = await db.transaction(async (query) => {
          const updated = await query(ADD_TOTALS, [[...totals.keys()], [...totals.values()]]);
          await query(ADD_DAYS, [ids, days, counts]);
          return updated;
        });
        for (const row of rows) {
          const article = byId.get(String(row.id));
          if (article) article.base = Number(row.viewCount);
        }
        writing = new Map();
      } catch (e) {
        for (const [k, n] of writing) pending.set(k, (pending.get(k) ?? 0) + n);
        writing = new Map();
        log(`views: batch write failed, retrying in ${retryMs} ms: ${e instanceof Error ? e.message : e}`);
        if (!closed) schedule(retryMs);
        return false;
      }
    }
    return true;
  }

  /** Writes everything counted so far; resolves false when PostgreSQL refused the batch. */
  async function flush() {
    while (inFlight) await inFlight;
    if (pending.size === 0) return true;
    /** @type {boolean} */
    let ok = false;
    inFlight = write().then((r) => {
      ok = r;
    });
    try {
      await inFlight;
    } finally {
      inFlight = null;
    }
    return ok;
  }

  /** The last write, on shutdown; later views are not scheduled. */
  async function close() {
    if (timer) clearTimeout(timer);
    timer = null;
    const ok = await flush();
    closed = true;
    if (!ok) log(`views: ${pendingViews()} view(s) could not be written before shutdown`);
    return ok;
  }

  function pendingViews() {
    let n = 0;
    for (const v of pending.values()) n += v;
    for (const v of writing.values()) n += v;
    return n;
  }

  return { peek, lookup, add, viewsOf, flush, close, pendingViews, articlesKnown: () => directory.size };
}

/** @typedef {ReturnType<typeof createViewCounter>} ViewCounter */

/**
 * A Database over a pg Pool: the beacon's own small pool, apart from Prisma's (DATABASE_URL).
 * @param {import("pg").Pool} pool
 * @returns {Database}
 */
export function poolDatabase(pool) {
  return {
    query: (sql, params) => pool.query(sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work((sql, params) => client.query(sql, params));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
  };
}
