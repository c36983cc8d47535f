// @ts-check
/**
 * Views counted but not yet written, as both write paths hold them (server/view-counter.mjs and
 * lib/services/views/view-buffer.ts): a claim per view, "<visitor> read <article> at <ms>",
 * which the write turns into a row of view_claims and counts only when no other instance claimed
 * that visitor and article within the window (view-claims.mjs).
 *
 * Bounded memory: at most `maxClaims` claims. Past that (PostgreSQL away for a while and readers
 * still coming), a view is kept as a plain count per article and day, one number per key as before
 * issue 15, and written without a claim: it has passed this process' once-per-window memory
 * (view-dedupe.mjs) only, so another instance may count the same reader too. A second view of a
 * visitor and article already waiting (the memory let it through: it is a window later, or the
 * memory forgot) is a plain count as well, so one claim per key stands for the earliest view.
 */
import { viewDay } from "./view-day.mjs";

/** @typedef {ReturnType<typeof createPendingViews>} PendingViews */

const SEP = "\u0000";

/** @param {number} [maxClaims] the claims kept; views beyond are plain counts */
export function createPendingViews(maxClaims = 50_000) {
  /** @type {Map<string, number>} "<visitor id>\0<articleId>" → when (ms) */
  const claims = new Map();
  /** @type {Map<string, number>} "<articleId>\0<day>" → views written without a claim */
  const counts = new Map();
  /** @type {Map<string, number>} articleId → views of both kinds, for the figure shown */
  const perArticle = new Map();
  let views = 0;

  /** @param {string} articleId @param {string} day @param {number} n */
  function addCount(articleId, day, n) {
    const key = `${articleId}${SEP}${day}`;
    counts.set(key, (counts.get(key) ?? 0) + n);
  }

  /**
   * @param {string} visitor the visitor id (visitor-id.mjs); hashed when written (view-claims.mjs)
   * @param {string} articleId
   * @param {number} at ms
   */
  function add(visitor, articleId, at) {
    const key = `${visitor}${SEP}${articleId}`;
    const earlier = claims.get(key);
    if (earlier === undefined && claims.size < maxClaims) claims.set(key, at);
    else if (earlier !== undefined && at < earlier) {
      // the claim stands for the earliest view; the later one becomes a plain count
      claims.set(key, at);
      addCount(articleId, viewDay(earlier), 1);
    } else addCount(articleId, viewDay(at), 1);
    perArticle.set(articleId, (perArticle.get(articleId) ?? 0) + 1);
    views++;
  }

  /**
   * Takes back a batch whose write failed.
   * @param {PendingViews} other
   */
  function merge(other) {
    for (const [key, at] of other.claims()) {
      const i = key.indexOf(SEP);
      add(key.slice(0, i), key.slice(i + 1), at);
    }
    for (const [key, n] of other.counts()) {
      const articleId = key.slice(0, key.indexOf(SEP));
      addCounted(articleId, key.slice(articleId.length + 1), n);
    }
  }

  /**
   * Moves the oldest `limit` claims and every plain count out into a batch of their own, so one
   * statement never carries a whole backlog (maxClaims of them after an outage).
   * @param {number} limit
   */
  function take(limit) {
    const part = createPendingViews(maxClaims);
    for (const [key, at] of claims) {
      if (part.keys() >= limit) break;
      const i = key.indexOf(SEP);
      part.add(key.slice(0, i), key.slice(i + 1), at);
      claims.delete(key);
      untally(key.slice(i + 1), 1);
    }
    for (const [key, n] of counts) {
      const articleId = key.slice(0, key.indexOf(SEP));
      part.addCounted(articleId, key.slice(articleId.length + 1), n);
      untally(articleId, n);
    }
    counts.clear();
    return part;
  }

  /** @param {string} articleId @param {number} n */
  function untally(articleId, n) {
    const left = (perArticle.get(articleId) ?? 0) - n;
    if (left > 0) perArticle.set(articleId, left);
    else perArticle.delete(articleId);
    views -= n;
  }

  /** @param {string} articleId @param {string} day @param {number} n */
  function addCounted(articleId, day, n) {
    addCount(articleId, day, n);
    perArticle.set(articleId, (perArticle.get(articleId) ?? 0) + n);
    views += n;
  }

  return {
    add,
    addCounted,
    merge,
    take,
    /** @param {string} articleId */
    viewsOf: (articleId) => perArticle.get(articleId) ?? 0,
    /** @param {string} articleId */
    has: (articleId) => (perArticle.get(articleId) ?? 0) > 0,
    /** views waiting, of both kinds */
    size: () => views,
    /** claims plus article×day counters: what the write's arrays hold */
    keys: () => claims.size + counts.size,
    claims: () => claims.entries(),
    counts: () => counts.entries(),
  };
}
