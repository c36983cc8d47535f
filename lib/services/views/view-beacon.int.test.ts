import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { createRequestGuard } from "@/server/request-guard.mjs";
import { createViewBeacon } from "@/server/view-beacon.mjs";
import { createViewCounter, poolDatabase, type ViewCounter } from "@/server/view-counter.mjs";
import { viewDay } from "./view-day.mjs";

/**
 * The server's view beacon (server/view-beacon.mjs) and its counter (server/view-counter.mjs)
 * against real PostgreSQL, behind the same request guard as in server/http-server.mjs.
 */
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SITE = "http://byline.test";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
afterAll(async () => {
  await pool.end();
});

const totals = async (articleId: string) => {
  const a = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { viewCount: true } });
  const days = await db.articleViewDay.aggregate({ where: { articleId }, _sum: { views: true } });
  return { total: a.viewCount, days: days._sum.views ?? 0 };
};

/** A server like http-server.mjs' front half: guard, then the beacon; anything else a 599. */
async function beaconServer(counter: ViewCounter) {
  const guard = createRequestGuard({
    gates: {
      search: { acquire: async () => () => {} },
      upload: { acquire: async () => () => {} },
      action: { acquire: async () => () => {} },
    },
  });
  const beacon = createViewBeacon({ counter, site: SITE, production: true });
  const server = http.createServer((req, res) =>
    guard(req, res, () => {
      if (!beacon(req, res)) res.writeHead(599).end("passed on");
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (path: string, headers: Record<string, string> = {}, body?: string) => {
    // an empty value: the header is not sent at all
    const sent = Object.entries({ origin: SITE, "user-agent": CHROME, ...headers }).filter(
      ([, v]) => v !== "",
    );
    const res = await fetch(`${base}${path}`, { method: "POST", headers: sent, body });
    const text = await res.text();
    return {
      status: res.status,
      body: res.headers.get("content-type") === "application/json" ? JSON.parse(text) : text,
      cookie: res.headers.get("set-cookie"),
      cacheControl: res.headers.get("cache-control"),
    };
  };
  return { post, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("the server's view counter", () => {
  it("acknowledges at once and writes all views of many articles in one statement within flushMs", async () => {
    const [a, b] = await Promise.all([createArticle({ viewCount: 10 }), createArticle()]);
    const queries: string[] = [];
    const base = poolDatabase(pool);
    const counter = createViewCounter({
      db: { query: (sql, params) => (queries.push(sql), base.query(sql, params)) },
      flushMs: 100,
    });
    const [ka, kb] = [await counter.lookup(a.publicId), await counter.lookup(b.publicId)];
    expect(ka).toMatchObject({ id: a.id, base: 10 });
    for (let i = 0; i < 25; i++) counter.add(ka!, `reader-a-${i}`);
    for (let i = 0; i < 5; i++) counter.add(kb!, `reader-b-${i}`);
    // the figure shown counts the views still in memory
    expect(counter.viewsOf(ka!)).toBe(35);
    expect(await totals(a.id)).toEqual({ total: 10, days: 0 });
    // written within flushMs, without anyone calling flush()
    await vi.waitFor(async () => expect(await totals(a.id)).toEqual({ total: 35, days: 25 }), {
      timeout: 5_000,
      interval: 20,
    });
    expect(await totals(b.id)).toEqual({ total: 5, days: 5 });
    // two lookups, then one statement for 30 views of two articles (and the pruning of expired
    // claims, once a minute, after a write)
    const kinds = queries
      .filter((q) => !q.includes("DELETE FROM view_claims"))
      .map((q) => q.trim().split(/\s+/)[0]);
    expect(kinds).toEqual(["SELECT", "SELECT", "WITH"]);
    expect(await db.viewClaim.count({ where: { articleId: { in: [a.id, b.id] } } })).toBe(30);
    expect(counter.pendingViews()).toBe(0);
    // the new total came back with the write: the figure stays right with nothing pending
    expect(counter.viewsOf(ka!)).toBe(35);
    const day = await db.articleViewDay.findFirstOrThrow({ where: { articleId: a.id } });
    expect(day.day.toISOString().slice(0, 10)).toBe(viewDay());
  });

  it("writes what is left on close (the shutdown path), however long flushMs is", async () => {
    const a = await createArticle();
    const counter = createViewCounter({ db: poolDatabase(pool), flushMs: 60_000 });
    const known = (await counter.lookup(a.publicId))!;
    for (let i = 0; i < 7; i++) counter.add(known, `closing-${i}`);
    expect(await totals(a.id)).toEqual({ total: 0, days: 0 });
    expect(await counter.close()).toBe(true);
    expect(await totals(a.id)).toEqual({ total: 7, days: 7 });
  });

  it("writes early once maxKeys claims and article×day counters are waiting", async () => {
    const articles = await Promise.all([createArticle(), createArticle(), createArticle()]);
    const counter = createViewCounter({ db: poolDatabase(pool), flushMs: 60_000, maxKeys: 3 });
    for (const a of articles) counter.add((await counter.lookup(a.publicId))!, "early-reader");
    await vi.waitFor(async () => expect((await totals(articles[2]!.id)).total).toBe(1), { timeout: 5_000 });
    expect((await totals(articles[0]!.id)).total).toBe(1);
    await counter.close();
  });

  it("keeps a failed batch and writes it on the retry", async () => {
    const a = await createArticle();
    const real = poolDatabase(pool);
    let failures = 1;
    const log = vi.fn();
    const counter = createViewCounter({
      db: {
        query: (sql, params) =>
          sql.includes("view_claims AS c") && failures-- > 0
            ? Promise.reject(new Error("db down"))
            : real.query(sql, params),
      },
      flushMs: 20,
      retryMs: 50,
      log,
    });
    const known = (await counter.lookup(a.publicId))!;
    counter.add(known, "retry-reader-1");
    counter.add(known, "retry-reader-2");
    await vi.waitFor(async () => expect(await totals(a.id)).toEqual({ total: 2, days: 2 }), {
      timeout: 5_000,
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("db down"));
    expect(counter.pendingViews()).toBe(0);
  });

  it("finds only published articles, and skips one unpublished or deleted before the write", async () => {
    const draft = await createArticle({ status: "DRAFT" });
    const scheduled = await createArticle({ publishedAt: new Date(Date.now() + 86_400_000) });
    const [gone, unpublished] = await Promise.all([createArticle(), createArticle()]);
    const counter = createViewCounter({ db: poolDatabase(pool), flushMs: 60_000 });
    expect(await counter.lookup(draft.publicId)).toBeNull();
    expect(await counter.lookup(scheduled.publicId)).toBeNull();
    expect(await counter.lookup("nosuchid")).toBeNull();
    // remembered for unknownTtlMs: no second query
    expect(counter.peek("nosuchid")).toBeNull();
    const g = (await counter.lookup(gone.publicId))!;
    const u = (await counter.lookup(unpublished.publicId))!;
    counter.add(g, "gone-reader");
    counter.add(u, "unpublished-reader");
    await db.article.delete({ where: { id: gone.id } });
    await db.article.update({ where: { id: unpublished.id }, data: { status: "DRAFT" } });
    expect(await counter.close()).toBe(true);
    expect(await db.articleViewDay.count({ where: { articleId: gone.id } })).toBe(0);
    // the total and day rows of an article unpublished since the view still get it (the reader saw it)
    expect(await totals(unpublished.id)).toEqual({ total: 1, days: 1 });
  });
});

describe("the server's view beacon", () => {
  it("counts a reader once per window and never a bot, answering the figure, the cookie and no-store", async () => {
    const a = await createArticle({ viewCount: 41 });
    const counter = createViewCounter({ db: poolDatabase(pool), flushMs: 30 });
    const srv = await beaconServer(counter);
    try {
      const first = await srv.post(`/api/views/${a.publicId}`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ counted: true, views: 42 });
      expect(first.cacheControl).toBe("private, no-store");
      const cookie = /^bl_vid=([A-Za-z0-9_-]{22});/.exec(first.cookie ?? "")?.[1];
      expect(first.cookie).toMatch(/; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
      // the same visitor again (cookie), and the same cookieless visitor again (address + agent)
      expect((await srv.post(`/api/views/${a.publicId}`, { cookie: `bl_vid=${cookie}` })).body).toEqual({
        counted: false,
        views: 42,
      });
      const again = await srv.post(`/api/views/${a.publicId}`);
      expect(again.body.counted).toBe(false);
      const bot = await srv.post(`/api/views/${a.publicId}`, {
        "user-agent": "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
      });
      expect(bot.body).toEqual({ counted: false, views: 42 });
      // another reader
      const other = await srv.post(`/api/views/${a.publicId}`, { cookie: "bl_vid=ABCDEFGHIJKLMNOPQRSTUV" });
      expect(other.body).toEqual({ counted: true, views: 43 });
      expect(other.cookie).toBeNull();
      await vi.waitFor(async () => expect(await totals(a.id)).toEqual({ total: 43, days: 2 }), {
        timeout: 5_000,
      });
    } finally {
      await srv.close();
      await counter.close();
    }
  });

  it("refuses foreign origins, malformed and unknown ids, and bodies over 1 KB, without counting", async () => {
    const a = await createArticle();
    const counter = createViewCounter({ db: poolDatabase(pool), flushMs: 30 });
    const srv = await beaconServer(counter);
    try {
      const path = `/api/views/${a.publicId}`;
      expect((await srv.post(path, { origin: "https://evil.example" })).status).toBe(403);
      expect((await srv.post(path, { "sec-fetch-site": "cross-site" })).status).toBe(403);
      expect((await srv.post(path, { origin: "" })).status).toBe(403);
      expect((await srv.post(`/api/views/${"x".repeat(17)}`)).body).toMatchObject({
        error: { code: "INVALID", message: "文章编号无效。" },
      });
      expect((await srv.post("/api/views/a.b")).status).toBe(400);
      expect((await srv.post("/api/views/")).status).toBe(400);
      const unknown = await srv.post("/api/views/zzzzzzzz");
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe("NOT_FOUND");
      expect((await srv.post(path, {}, "x".repeat(2_000))).status).toBe(413);
      // a small body is ignored, the view counts
      expect((await srv.post(path, {}, "{}")).body).toEqual({ counted: true, views: 1 });
      // not beacons: other methods and paths, and signed-in readers (staff are decided by Next.js)
      expect((await srv.post(`${path}/more`)).status).toBe(599);
      expect((await srv.post(path, { cookie: "authjs.session-token=abc" })).status).toBe(599);
      await counter.flush();
      expect(await totals(a.id)).toEqual({ total: 1, days: 1 });
      // 200 invented ids: each looked up once, remembered as unknown, the directory stays bounded
      const small = createViewCounter({ db: poolDatabase(pool), maxArticles: 50 });
      for (let i = 0; i < 200; i++) expect(await small.lookup(`nope${i}`)).toBeNull();
      expect(small.articlesKnown()).toBe(50);
    } finally {
      await srv.close();
      await counter.close();
    }
  });
});
