// @ts-check
// The view counts behind the server's beacon (view-beacon.mjs): which public ids are published
// articles (a small directory in memory, refreshed from PostgreSQL) and the views not yet written
// (a claim per view, lib/services/views/pending-views.mjs), written by one statement every FLUSH_MS
// or at MAX_KEYS claims and counters, and on shutdown. No request waits for PostgreSQL once its
// article is known.
//
// Once per visitor per article per window, across instances (issue 15): the write claims each
// visitor and article in view_claims and adds only the views it claimed
// (lib/services/views/view-claims.mjs); the caller's in-process memory filters repeats first.
// Expired claims are pruned after a write, at most once a minute and 10,000 rows a run.
//
// Durability: a view is acknowledged before it is written. A crash (kill -9) loses at most the
// views of the last `flushMs` plus the write in progress (250 ms by default); while PostgreSQL is
// unreachable the buffer keeps counting and retries every `retryMs` (no early writes meanwhile),
// and a crash in that time loses the backlog. Memory stays bounded: at most `maxClaims` claims
// wait, and views beyond are kept as one number per article and day (bounded by the directory),
// written without a claim, so past that bound a reader may count once per instance again.
// Several instances: every write adds to the row (UPDATE … + n, INSERT … ON CONFLICT … + n), so
// instances never overwrite each other's counts; docs/request-path.md ("The view beacon").
import { createPendingViews } from "../lib/services/views/pending-views.mjs";
import { createClaimPruner, WRITE_VIEWS, writeViewsParams } from "../lib/services/views/view-claims.mjs";
import { VIEW_WINDOW_MS } from "../lib/services/views/view-dedupe.mjs";

/** @typedef {{ id: string, base: number, at: number }} Article */
/** @typedef {(sql: string, params: unknown[]) => Promise<{ rows: any[] }>} Query */
/** @typedef {{ query: Query }} Database */

/** What recordView counts as readable (lib/services/views/record-view.ts): published, not scheduled. */
const LOOKUP = `SELECT id, "viewCount" FROM articles WHERE "publicId" = $1 AND status = 'PUBLISHED' AND "publishedAt" <= now()`;

/**
 * @param {{
 *   db: Database,
 *   flushMs?: number, maxKeys?: number, maxClaims?: number, retryMs?: number, windowMs?: number,
 *   knownTtlMs?: number, unknownTtlMs?: number, maxArticles?: number, maxLookups?: number,
 *   now?: () => number, log?: (msg: string) => void,
 * }} options
 *   flushMs: the longest a view waits in memory (the crash window); maxKeys: claims and
 *   article×day counters that force an early write; maxClaims: claims that may wait (writes
 *   failing), beyond which views are plain counts; windowMs: the once-per-visitor window;
 *   knownTtlMs / unknownTtlMs: how long a looked-up public id is trusted (a just-published
 *   article is countable within unknownTtlMs of a beacon that found it unpublished); maxArticles: directory size; maxLookups: lookups at once, beyond
 *   which a beacon for an unknown id is refused (a flood of invented ids must not queue forever).
 */
export function createViewCounter({
  db,
  flushMs = 250,
  maxKeys = 5_000,
  maxClaims = 50_000,
  retryMs = 1_000,
  windowMs = VIEW_WINDOW_MS,
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
  /** views not yet written */
  let pending = createPendingViews(maxClaims);
  /** the batch being written: still shown in the figure until its new total arrives */
  let writing = createPendingViews(maxClaims);
  /** the last write failed: wait for the retry instead of writing early at maxKeys */
  let failing = false;
  const pruner = createClaimPruner({
    rows: async (sql, params) => (await db.query(sql, params)).rows,
    windowMs,
    now,
    log,
  });
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
    return pending.has(articleId) || writing.has(articleId);
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
   * Counts one view of an article now, unless another instance counted this visitor within the
   * window (the caller's own memory has decided that it counts).
   * @param {Article} article
   * @param {string} visitorId visitor-id.mjs' id; only its hash is written
   */
  function add(article, visitorId) {
    pending.add(visitorId, article.id, now());
    byId.set(article.id, article);
    if (pending.keys() >= maxKeys && !failing) void flush();
    else schedule(flushMs);
  }

  /**
   * The figure to show: the last total read from PostgreSQL plus this process' views not yet in it.
   * @param {Article} article
   */
  function viewsOf(article) {
    return article.base + pending.viewsOf(article.id) + writing.viewsOf(article.id);
  }

  async function write() {
    while (pending.size() > 0) {
      // at most maxKeys claims a statement: a backlog after an outage goes in several
      writing = pending.take(maxKeys);
      try {
        const { rows } = await db.query(WRITE_VIEWS, writeViewsParams(writing, windowMs));
        for (const row of rows) {
          const article = byId.get(String(row.id));
          if (article) article.base = Number(row.viewCount);
        }
        writing = createPendingViews(maxClaims);
        failing = false;
      } catch (e) {
        const failed = writing;
        writing = createPendingViews(maxClaims);
        failed.merge(pending);
        pending = failed;
        failing = true;
        log(`views: batch write failed, retrying in ${retryMs} ms: ${e instanceof Error ? e.message : e}`);
        if (!closed) schedule(retryMs);
        return false;
      }
      pruner.maybe();
    }
    return true;
  }

  /** Writes everything counted so far; resolves false when PostgreSQL refused the batch. */
  async function flush() {
    while (inFlight) await inFlight;
    if (pending.size() === 0) return true;
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
    await pruner.idle();
    if (!ok) log(`views: ${pendingViews()} view(s) could not be written before shutdown`);
    return ok;
  }

  function pendingViews() {
    return pending.size() + writing.size();
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
  // one statement per write (view-claims.mjs): atomic without a transaction of our own
  return { query: (sql, params) => pool.query(sql, params) };
}
