import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrisma } from "@/lib/db/client";
import { toActionError } from "@/lib/errors";
import { createArticle as createArticleService } from "@/lib/services/articles/create-article";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { updateArticle } from "@/lib/services/articles/update-article";
import { checkHealth } from "@/lib/services/system/check-health";
import { createCategory } from "@/lib/test/factories";

/**
 * Issue 8, finding 8: a save held up by a locked row. A second PostgreSQL session holds the row
 * (BEGIN; SELECT … FOR UPDATE) the way a long migration, a stuck transaction or a manual psql
 * session would. Nothing here measures time: each test checks the ORDER of events — the save
 * (or the read, or the health check) settles while the lock is still held — so the old code,
 * which waited for the lock, fails by settling only after the release.
 */

const lockers: pg.Client[] = [];
afterEach(async () => {
  // pg's end() resolves for a client already ended, cut by the server or busy with a query
  // (checked against pg 8.23), so whatever it rejects with is a real failure: not swallowed
  for (const c of lockers.splice(0)) await c.end();
});

async function holdRow(articleId: string) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  lockers.push(c);
  await c.query("BEGIN");
  await c.query("SELECT id FROM articles WHERE id = $1 FOR UPDATE", [articleId]);
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await c.query("ROLLBACK");
  };
  // the old code waited for the lock forever: let it go eventually so the test fails instead of hanging
  const fallback = setTimeout(() => void release(), 20_000);
  return {
    isHeld: () => !released,
    release: async () => {
      clearTimeout(fallback);
      await release();
    },
  };
}

async function draft() {
  const actor = await createActor("TRANSLATOR");
  const category = await createCategory();
  const article = await createArticleService(actor, {
    title: "原始标题",
    categoryId: category.id,
    body: doc("初稿正文"),
  });
  return { actor, article };
}

/** Runs `p` and notes whether it settled while `lock` was still held. */
async function settledWhileHeld<T>(p: Promise<T>, lock: { isHeld: () => boolean }) {
  const r = await p.then(
    (value) => ({ ok: true as const, value, held: lock.isHeld() }),
    (error: unknown) => ({ ok: false as const, error, held: lock.isHeld() }),
  );
  return r;
}

describe("saves under a held row lock", () => {
  it("answer a zh-CN 'retry' CONFLICT while the lock is still held, and write nothing", async () => {
    const { actor, article } = await draft();
    const lock = await holdRow(article.id);
    const r = await settledWhileHeld(
      updateArticle(actor, { id: article.id, version: 1, title: "被锁住时保存", body: doc("新正文") }),
      lock,
    );
    expect(r.held).toBe(true);
    expect(r.ok).toBe(false);
    const error = toActionError(!r.ok && r.error);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("稍后重试");
    await lock.release();

    // nothing half-written: same version, one revision, and the same save now goes through
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row).toMatchObject({ title: "原始标题", version: 1 });
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(1);
    const saved = await updateArticle(actor, { id: article.id, version: 1, title: "解锁后保存" });
    expect(saved.version).toBe(2);
  });

  it("leave connections for reads: a dozen waiting saves do not starve a plain query", async () => {
    const { actor, article } = await draft();
    const lock = await holdRow(article.id);
    const saves = Array.from({ length: 12 }, (_, i) =>
      settledWhileHeld(updateArticle(actor, { id: article.id, version: 1, title: `并发保存 ${i}` }), lock),
    );
    // wait until the saves are really queued on the lock (or on the transaction slots)
    await expect
      .poll(
        async () => {
          const [row] = await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          return row!.n;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBeGreaterThan(0);
    const read = await settledWhileHeld(db.article.count(), lock);
    const health = await settledWhileHeld(checkHealth(), lock);
    const results = await Promise.all(saves);
    await lock.release();

    expect(read).toMatchObject({ ok: true, held: true });
    expect(health).toMatchObject({ ok: true, held: true, value: { ok: true, database: "up" } });
    for (const s of results) {
      expect(s.held).toBe(true);
      expect(s.ok).toBe(false);
      // 7 transaction slots: the first 7 give up on the lock after 1 s, the other 5 get their slots then
      expect(toActionError(!s.ok && s.error).code).toBe("CONFLICT");
    }
  });
});

const sleepingSessions = async () => {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%FROM pg_sleep(1.5)%' AND state = 'active' AND pid <> pg_backend_pid()`;
  return row!.n;
};

describe("database errors are answers, not internal errors", () => {
  it("a pool that cannot hand out a connection in time answers 503-style UNAVAILABLE", async () => {
    const tiny = createPrisma(process.env.DATABASE_URL!, { max: 1, acquireTimeoutMs: 200 });
    try {
      // the pool's one connection is opened first: on a busy machine opening it can itself take
      // longer than the 200 ms the pool allows, which is not what this test is about
      await expect
        .poll(
          () =>
            tiny.$queryRaw`SELECT 1 AS x`.then(
              () => true,
              () => false,
            ),
          { timeout: 10_000 },
        )
        .toBe(true);
      // Prisma queries are lazy: .then() sends it, and it holds the only connection for 1.5 s
      const hog = tiny.$queryRaw`SELECT 1 AS x FROM pg_sleep(1.5)`.then(() => {});
      await expect.poll(sleepingSessions, { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
      const starved = await tiny.article.count().then(
        () => null,
        (e: unknown) => e,
      );
      await hog;
      expect(toActionError(starved)).toMatchObject({
        code: "UNAVAILABLE",
        message: expect.stringContaining("稍后"),
      });
    } finally {
      await tiny.$disconnect();
    }
  });

  it("a statement over the statement timeout is UNAVAILABLE, never INTERNAL", async () => {
    const strict = createPrisma(process.env.DATABASE_URL!, { max: 1, statementTimeoutMs: 100 });
    try {
      const e = await strict.$queryRaw`SELECT 1 AS x FROM pg_sleep(1)`.then(
        () => null,
        (err: unknown) => err,
      );
      expect(toActionError(e).code).toBe("UNAVAILABLE");
    } finally {
      await strict.$disconnect();
    }
  });
});
