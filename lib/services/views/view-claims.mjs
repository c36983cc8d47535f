// @ts-check
/**
 * "Once per visitor per article per window", exact across instances (issue 15): each batch of
 * views is written by one statement that first claims (visitor, article) in view_claims and then
 * adds only the views it claimed to articles."viewCount" and article_view_days. Two instances
 * writing the same visitor and article race on the claim's primary key; PostgreSQL makes the
 * second wait for the first and then see its claim, so exactly one counts. The in-process memory
 * (view-dedupe.mjs) stays in front as the cheap filter: most repeats never reach the database.
 * Shared by the server's counter (server/view-counter.mjs) and Next.js' route
 * (flush-view-counts.ts), so there is one copy of the statement.
 *
 * The visitor is stored as a SHA-256 prefix of its id, never the bl_vid cookie itself. Claims older
 * than the window decide nothing and are pruned in bounded batches (createClaimPruner).
 */
import crypto from "node:crypto";
import { viewDay } from "./view-day.mjs";

/** @typedef {import("./pending-views.mjs").PendingViews} PendingViews */
/** @typedef {(sql: string, params: unknown[]) => Promise<any[]>} Rows */

// crypto.hash (Node 20.12+) costs a quarter of createHash (0.6 against 2.4 µs here); engines allows 20.9
const sha256 =
  typeof crypto.hash === "function"
    ? (/** @type {string} */ s) => crypto.hash("sha256", s, "hex")
    : (/** @type {string} */ s) => crypto.createHash("sha256").update(s).digest("hex");

/**
 * What view_claims stores for a visitor: hashed when the batch is written, off the beacon's path.
 * @param {string} visitorId
 */
export function visitorHash(visitorId) {
  return sha256(visitorId).slice(0, 32);
}

// $1-$4 the claims (visitor hash, article, day, at), $5-$7 the plain counts (article, day, n),
// $8 the window in ms. DISTINCT ON: one claim per visitor and article, the earliest, in key order
// (two batches insert their claims in the same order and so never deadlock on them). A claim
// wins when none exists or the existing one is a window away from it, older or newer (a backlog
// written after an outage can be older than what another instance wrote meanwhile); the claim
// keeps the later time. A lost one adds nothing. Articles
// deleted since the view are skipped; one unpublished since still gets its views (the reader saw it).
export const WRITE_VIEWS = `
  WITH batch AS (
    SELECT DISTINCT ON (v.visitor, v.id) v.visitor, v.id, v.day, v.at
    FROM unnest($1::text[], $2::text[], $3::date[], $4::timestamptz[]) AS v(visitor, id, day, at)
    WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = v.id)
    ORDER BY v.visitor, v.id, v.at
  ), claimed AS (
    INSERT INTO view_claims AS c (visitor, "articleId", "countedAt")
    SELECT visitor, id, at FROM batch
    ON CONFLICT ("articleId", visitor) DO UPDATE SET "countedAt" = GREATEST(c."countedAt", EXCLUDED."countedAt")
    WHERE c."countedAt" <= EXCLUDED."countedAt" - $8::int * interval '1 millisecond'
       OR c."countedAt" >= EXCLUDED."countedAt" + $8::int * interval '1 millisecond'
    RETURNING c.visitor, c."articleId"
  ), counted AS (
    SELECT b.id, b.day, count(*)::int AS n
    FROM claimed c JOIN batch b ON b.visitor = c.visitor AND b.id = c."articleId"
    GROUP BY b.id, b.day
    UNION ALL
    SELECT v.id, v.day, v.n FROM unnest($5::text[], $6::date[], $7::int[]) AS v(id, day, n)
  ), totals AS (
    UPDATE articles AS a SET "viewCount" = a."viewCount" + t.n
    FROM (SELECT id, sum(n)::int AS n FROM counted GROUP BY id) AS t
    WHERE a.id = t.id
    RETURNING a.id, a."viewCount", t.n
  ), days AS (
    INSERT INTO article_view_days ("articleId", day, views)
    SELECT c.id, c.day, sum(c.n)::int FROM counted c
    WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = c.id)
    GROUP BY c.id, c.day ORDER BY c.id, c.day
    ON CONFLICT ("articleId", day) DO UPDATE SET views = article_view_days.views + EXCLUDED.views
  )
  SELECT id, "viewCount", n FROM totals`;

/**
 * WRITE_VIEWS' parameters for a batch.
 * @param {PendingViews} batch
 * @param {number} windowMs view-dedupe.mjs VIEW_WINDOW_MS
 */
export function writeViewsParams(batch, windowMs) {
  /** @type {string[]} */ const visitors = [];
  /** @type {string[]} */ const ids = [];
  /** @type {string[]} */ const days = [];
  /** @type {string[]} */ const ats = [];
  /** @type {string[]} */ const countIds = [];
  /** @type {string[]} */ const countDays = [];
  /** @type {number[]} */ const ns = [];
  // a batch spans a few hours at most, and Beijing's offset is whole hours: one viewDay per hour
  /** @type {Map<number, string>} */
  const dayOfHour = new Map();
  const dayOf = (/** @type {number} */ at) => {
    const hour = Math.floor(at / 3_600_000);
    let day = dayOfHour.get(hour);
    if (day === undefined) dayOfHour.set(hour, (day = viewDay(at)));
    return day;
  };
  for (const [key, at] of batch.claims()) {
    const i = key.indexOf("\u0000");
    visitors.push(visitorHash(key.slice(0, i)));
    ids.push(key.slice(i + 1));
    days.push(dayOf(at));
    ats.push(new Date(at).toISOString());
  }
  for (const [key, n] of batch.counts()) {
    const i = key.indexOf("\u0000");
    countIds.push(key.slice(0, i));
    countDays.push(key.slice(i + 1));
    ns.push(n);
  }
  return [visitors, ids, days, ats, countIds, countDays, ns, Math.round(windowMs)];
}

// The oldest expired claims, at most $2 of them; the outer condition again, so that a claim renewed
// by a concurrent write (a new row version) is not deleted through its old ctid. SKIP LOCKED: a
// claim a batch is writing is left for the next run, so the prune never waits on a writer and the
// two cannot deadlock (they would lock the same rows in different orders).
const PRUNE_CLAIMS = `
  WITH gone AS (
    DELETE FROM view_claims WHERE ctid IN (
      SELECT ctid FROM view_claims WHERE "countedAt" < $1::timestamptz ORDER BY "countedAt" LIMIT $2
      FOR UPDATE SKIP LOCKED
    ) AND "countedAt" < $1::timestamptz
    RETURNING 1
  )
  SELECT count(*)::int AS n FROM gone`;

/**
 * Deletes expired claims at most once per `everyMs`, `limit` rows a run, after a write (maybe()).
 * A run that deleted a full batch allows the next one `catchUpMs` later, so a backlog drains at
 * `limit` rows per catch-up without any run doing unbounded work. Several instances pruning at
 * once is harmless: the second finds the rows gone.
 * @param {{
 *   rows: Rows, windowMs: number, now?: () => number, log?: (msg: string) => void,
 *   everyMs?: number, catchUpMs?: number, limit?: number,
 * }} options
 */
export function createClaimPruner({
  rows,
  windowMs,
  now = Date.now,
  log = console.error,
  everyMs = 60_000,
  catchUpMs = 1_000,
  limit = 10_000,
}) {
  let nextAt = 0;
  /** @type {Promise<number> | null} */
  let running = null;

  /** One run now; resolves the rows deleted. */
  async function prune() {
    const cutoff = new Date(now() - windowMs).toISOString();
    const [row] = await rows(PRUNE_CLAIMS, [cutoff, limit]);
    const n = Number(row?.n ?? 0);
    nextAt = now() + (n >= limit ? catchUpMs : everyMs);
    return n;
  }

  /** Starts a run when one is due and none is running; never throws. */
  function maybe() {
    if (running || now() < nextAt) return;
    nextAt = now() + everyMs;
    running = prune()
      .catch((e) => {
        log(`views: pruning expired claims failed: ${e instanceof Error ? e.message : e}`);
        return 0;
      })
      .finally(() => (running = null));
  }

  return { prune, maybe, idle: () => running ?? Promise.resolve(0) };
}
