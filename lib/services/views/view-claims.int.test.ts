import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { createViewCounter, poolDatabase, type ViewCounter } from "@/server/view-counter.mjs";
import { flushViewCounts } from "./flush-view-counts";
import { recordView } from "./record-view";
import { createViewBuffer } from "./view-buffer";
import { createClaimPruner, visitorHash } from "./view-claims.mjs";
import { createViewDedupe, VIEW_WINDOW_MS } from "./view-dedupe.mjs";

/**
 * Issue 15: "once per visitor per article per window" across instances. Each "instance" is a
 * counter (server/view-counter.mjs) with its own in-memory dedupe, as each app process has.
 */
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
});
afterAll(async () => {
  await pool.end();
});

const visitor = () => randomBytes(16).toString("base64url").slice(0, 22);
const totals = async (articleId: string) => {
  const a = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { viewCount: true } });
  const days = await db.articleViewDay.aggregate({ where: { articleId }, _sum: { views: true } });
  return { total: a.viewCount, days: days._sum.views ?? 0 };
};

/** An app instance's view path: its own once-per-window memory in front of its own counter. */
function instance(options: Partial<Parameters<typeof createViewCounter>[0]> = {}) {
  const dedupe = createViewDedupe();
  const counter: ViewCounter = createViewCounter({ db: poolDatabase(pool), flushMs: 60_000, ...options });
  return {
    counter,
    async view(publicId: string, visitorId: string, at?: number) {
      const article = (await counter.lookup(publicId))!;
      const counted = dedupe.shouldCount(visitorId, article.id, at);
      if (counted) counter.add(article, visitorId);
      return counted;
    },
  };
}

describe("view claims across instances", () => {
  it("counts a visitor once when the beacons reach two instances, and another visitor again", async () => {
    const a = await createArticle({ viewCount: 5 });
    const [one, two] = [instance(), instance()];
    const reader = visitor();
    // each instance's memory lets the view through: only the claim can tell
    expect(await one.view(a.publicId, reader)).toBe(true);
    expect(await two.view(a.publicId, reader)).toBe(true);
    expect(await one.counter.flush()).toBe(true);
    expect(await two.counter.flush()).toBe(true);
    expect(await totals(a.id)).toEqual({ total: 6, days: 1 });
    expect(await two.view(a.publicId, visitor())).toBe(true);
    await two.counter.close();
    await one.counter.close();
    expect(await totals(a.id)).toEqual({ total: 7, days: 2 });
    // the cookie value itself is never stored
    const stored = await db.viewClaim.findMany({ where: { articleId: a.id }, select: { visitor: true } });
    expect(stored.map((c) => c.visitor)).toContain(visitorHash(reader));
    expect(stored.map((c) => c.visitor)).not.toContain(reader);
  });

  it("counts the same visitor again on another instance once the window has passed", async () => {
    const a = await createArticle();
    const t0 = Date.UTC(2026, 10, 28, 4);
    const reader = visitor();
    const first = instance({ now: () => t0 });
    const early = instance({ now: () => t0 + VIEW_WINDOW_MS - 1 });
    const later = instance({ now: () => t0 + VIEW_WINDOW_MS });
    await first.view(a.publicId, reader, t0);
    await first.counter.close();
    await early.view(a.publicId, reader, t0 + VIEW_WINDOW_MS - 1);
    await early.counter.close();
    expect((await totals(a.id)).total).toBe(1);
    await later.view(a.publicId, reader, t0 + VIEW_WINDOW_MS);
    await later.counter.close();
    expect(await totals(a.id)).toEqual({ total: 2, days: 2 });
    // the claim now starts the new window
    const claim = await db.viewClaim.findUniqueOrThrow({
      where: { articleId_visitor: { articleId: a.id, visitor: visitorHash(reader) } },
    });
    expect(claim.countedAt.getTime()).toBe(t0 + VIEW_WINDOW_MS);
  });

  it("counts a backlogged view written after a later one a window apart, and keeps the later claim", async () => {
    const a = await createArticle();
    const t0 = Date.UTC(2026, 10, 28, 4);
    const reader = visitor();
    // B counts the reader at t0 + 45 min and writes at once; A, whose writes were failing, held a
    // view of t0 and writes it afterwards: 45 minutes apart, so both count
    const b = instance({ now: () => t0 + 45 * 60_000 });
    await b.view(a.publicId, reader, t0 + 45 * 60_000);
    await b.counter.close();
    const backlog = instance({ now: () => t0 });
    await backlog.view(a.publicId, reader, t0);
    await backlog.counter.close();
    expect(await totals(a.id)).toEqual({ total: 2, days: 2 });
    const claim = await db.viewClaim.findUniqueOrThrow({
      where: { articleId_visitor: { articleId: a.id, visitor: visitorHash(reader) } },
    });
    expect(claim.countedAt.getTime()).toBe(t0 + 45 * 60_000);
    // within the window of either, nothing more
    const again = instance({ now: () => t0 + 20 * 60_000 });
    await again.view(a.publicId, reader, t0 + 20 * 60_000);
    await again.counter.close();
    expect((await totals(a.id)).total).toBe(2);
  });

  it("counts once between Next.js' route (signed-in readers) and the server's beacon", async () => {
    const a = await createArticle({ viewCount: 2 });
    const reader = visitor();
    const server = instance();
    expect(await server.view(a.publicId, reader)).toBe(true);
    await server.counter.close();
    expect((await totals(a.id)).total).toBe(3);
    // Next.js' memory has not seen this reader: it answers counted (optimistic), the claim refuses
    const answer = await recordView({
      publicId: a.publicId,
      visitorId: reader,
      userAgent: CHROME,
      actor: null,
    });
    expect(answer.counted).toBe(true);
    expect(await totals(a.id)).toEqual({ total: 3, days: 1 });
    // and the other way round, through a buffer of the route's kind
    const b = await createArticle();
    const other = visitor();
    const buffer = createViewBuffer({ write: (batch) => flushViewCounts(db, batch) });
    await buffer.add(b.id, other);
    const again = instance();
    await again.view(b.publicId, other);
    await again.counter.close();
    expect(await totals(b.id)).toEqual({ total: 1, days: 1 });
  });

  it("two instances writing the same 200 visitors at the same moment count exactly 200", async () => {
    const a = await createArticle();
    const [one, two] = [instance(), instance()];
    const readers = Array.from({ length: 200 }, visitor);
    for (const r of readers) {
      await one.view(a.publicId, r);
      await two.view(a.publicId, r);
    }
    const results = await Promise.all([one.counter.flush(), two.counter.flush()]);
    expect(results).toEqual([true, true]);
    expect(await totals(a.id)).toEqual({ total: 200, days: 200 });
    expect(await db.viewClaim.count({ where: { articleId: a.id } })).toBe(200);
    await Promise.all([one.counter.close(), two.counter.close()]);
  });

  it("writes nothing for an article deleted between the view and the write, without an error", async () => {
    const gone = await createArticle();
    const log = vi.fn();
    const one = instance({ log });
    await one.view(gone.publicId, visitor());
    await db.article.delete({ where: { id: gone.id } });
    expect(await one.counter.close()).toBe(true);
    expect(log).not.toHaveBeenCalled();
    expect(await db.viewClaim.count({ where: { articleId: gone.id } })).toBe(0);
    expect(await db.articleViewDay.count({ where: { articleId: gone.id } })).toBe(0);
  });

  it("past maxClaims still writes every view, the ones beyond as plain counts, in statements of maxKeys claims", async () => {
    const a = await createArticle();
    const real = poolDatabase(pool);
    let down = true;
    let writes = 0;
    const one = instance({
      maxClaims: 4,
      maxKeys: 2,
      retryMs: 60_000,
      log: () => {},
      db: {
        query: (sql, params) => {
          if (!sql.includes("view_claims AS c")) return real.query(sql, params);
          if (down) return Promise.reject(new Error("db down"));
          writes++;
          return real.query(sql, params);
        },
      },
    });
    for (let i = 0; i < 5; i++) await one.view(a.publicId, visitor());
    expect(await one.counter.flush()).toBe(false);
    for (let i = 0; i < 3; i++) await one.view(a.publicId, visitor());
    expect(one.counter.pendingViews()).toBe(8);
    down = false;
    expect(await one.counter.close()).toBe(true);
    expect(await totals(a.id)).toEqual({ total: 8, days: 8 });
    expect(await db.viewClaim.count({ where: { articleId: a.id } })).toBe(4);
    // 4 claims, 2 a statement (the plain counts ride with the first)
    expect(writes).toBe(2);
  });
});

describe("pruning expired claims", () => {
  // far in the past, so that no other test's claim is old enough to be pruned here
  const base = Date.UTC(2001, 0, 1);
  async function seedClaims(articleId: string, count: number, at: (i: number) => number) {
    await db.viewClaim.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        visitor: visitorHash(`prune-${articleId}-${i}`),
        articleId,
        countedAt: new Date(at(i)),
      })),
    });
  }

  it("deletes only claims older than the window, oldest first, at most `limit` a run", async () => {
    const a = await createArticle();
    const now = base + VIEW_WINDOW_MS;
    await seedClaims(a.id, 25, (i) => base - (i + 1) * 1_000); // expired
    await db.viewClaim.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        visitor: visitorHash(`fresh-${a.id}-${i}`),
        articleId: a.id,
        countedAt: new Date(base + i * 1_000), // exactly at the cutoff and after: still deciding
      })),
    });
    const pruner = createClaimPruner({
      rows: async (sql, params) => (await pool.query(sql, params)).rows,
      windowMs: VIEW_WINDOW_MS,
      now: () => now,
      limit: 10,
    });
    expect(await pruner.prune()).toBe(10);
    // oldest first
    const left = await db.viewClaim.findMany({ where: { articleId: a.id }, orderBy: { countedAt: "asc" } });
    expect(left).toHaveLength(20);
    expect(left[0]!.countedAt.getTime()).toBe(base - 15_000);
    expect(await pruner.prune()).toBe(10);
    expect(await pruner.prune()).toBe(5);
    expect(await pruner.prune()).toBe(0);
    const fresh = await db.viewClaim.findMany({ where: { articleId: a.id } });
    expect(fresh.map((c) => c.countedAt.getTime()).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => base + i * 1_000),
    );
  });

  it("runs from the counter after a write, at most once per minute unless a run was full", async () => {
    const a = await createArticle();
    let now = base + VIEW_WINDOW_MS + 10_000;
    await seedClaims(a.id, 3, (i) => base - i);
    const queries: string[] = [];
    const real = poolDatabase(pool);
    const one = instance({
      now: () => now,
      db: { query: (sql, params) => (queries.push(sql), real.query(sql, params)) },
    });
    const prunes = () => queries.filter((q) => q.includes("DELETE FROM view_claims")).length;
    await one.view(a.publicId, visitor(), now);
    await one.counter.flush();
    await vi.waitFor(async () => expect(await db.viewClaim.count({ where: { articleId: a.id } })).toBe(1));
    expect(prunes()).toBe(1);
    now += 30_000;
    await one.view(a.publicId, visitor(), now);
    await one.counter.flush();
    expect(prunes()).toBe(1);
    now += 30_000;
    await one.view(a.publicId, visitor(), now);
    await one.counter.close();
    expect(prunes()).toBe(2);
  });
});
