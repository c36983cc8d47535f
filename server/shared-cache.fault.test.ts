/**
 * Issue 15, the shared cache (server/shared-cache.mjs, docs/shared-cache.md): with REDIS_URL set,
 * Next.js' caches live in Redis, so a page one instance rendered is served by the others without a
 * render of their own. Redis cut off (a relay that drops every connection while Redis keeps its
 * data, as a network partition does): readers' pages keep coming from PostgreSQL, an editor's
 * approval answers 200 at once and shows on both instances; Redis back: the invalidation Redis
 * missed is replayed, so an instance started afterwards, which reads its pages from Redis, does
 * not get the page from before the approval.
 *
 * The in-process page cache is off here (BYLINE_PAGE_CACHE=0): every request reaches Next.js and
 * so Redis, which is what is under test. Renders are counted from the servers' logs
 * (BYLINE_DEBUG_PAGE_RENDERS, server/page-cache-hook.mjs).
 */
import fs from "node:fs";
import { createClient } from "@redis/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionId, callAction, signIn } from "@/lib/test/fault-actions";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { startPgRelay, type PgRelay } from "@/lib/test/pg-relay";
import { startTestRedis, type TestRedis } from "@/lib/test/redis-server";

let redis: TestRedis;
let relay: PgRelay;
let a: FaultServer;
let b: FaultServer;
let c: FaultServer | undefined;
let d: FaultServer | undefined;
let db: pg.Client;

const env = () => ({ REDIS_URL: relay.url, BYLINE_PAGE_CACHE: "0", BYLINE_DEBUG_PAGE_RENDERS: "1" });

/** Page renders `srv` stored since `from` (a byte offset into its log), for `path`. */
const rendersSince = (srv: FaultServer, from: number, path: string) =>
  fs
    .readFileSync(srv.logFile)
    .subarray(from)
    .toString("utf8")
    .split("\n")
    .filter((l) => l === `page-cache-hook: stored ${path}`).length;
const logSize = (srv: FaultServer) => fs.statSync(srv.logFile).size;
/** Whether `srv` has said since `from` that Redis answers again (after its replay). */
const backSince = (srv: FaultServer, from: number) =>
  fs.readFileSync(srv.logFile).subarray(from).toString("utf8").includes("Redis answers again");

/** The instance is alive and never met redis@4's reply mix-up (an uncaught TypeError). */
function expectNoMixUp(srv: FaultServer) {
  expect(srv.child.exitCode).toBeNull();
  expect(fs.readFileSync(srv.logFile, "utf8")).not.toMatch(/uncaughtException|TypeError: Cannot destructure/);
}

async function page(srv: FaultServer, path: string) {
  const res = await fetch(srv.base + path);
  return {
    status: res.status,
    body: await res.text(),
    csp: res.headers.get("content-security-policy") ?? "",
  };
}

/** Renders `path` on `srv` and waits until Next.js has stored it (in Redis). */
async function renderOn(srv: FaultServer, path: string) {
  const from = logSize(srv);
  const first = await page(srv, path);
  expect(first.status).toBe(200);
  await expect.poll(() => rendersSince(srv, from, path), { timeout: 10_000 }).toBe(1);
  return first;
}

/** A published article of the demo content no test has asked for yet. */
async function article(offset: number) {
  const { rows } = await db.query<{ id: string; publicId: string; authorId: string; title: string }>(
    `SELECT id, "publicId", "authorId", title FROM articles WHERE status = 'PUBLISHED' ORDER BY "publishedAt" ASC OFFSET $1 LIMIT 1`,
    [offset],
  );
  return rows[0]!;
}

beforeAll(async () => {
  redis = await startTestRedis();
  relay = await startPgRelay(redis.url);
  db = new pg.Client({ connectionString: faultDatabaseUrl() });
  await db.connect();
  [a, b] = await Promise.all([
    startFaultServer({ name: "shared-cache-a", env: env() }),
    startFaultServer({ name: "shared-cache-b", env: env() }),
  ]);
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL"), c?.stop("SIGKILL"), d?.stop("SIGKILL")]);
  await db?.end();
  await relay?.close();
  await redis?.stop();
});

describe("Next.js' caches in Redis, shared by two instances", () => {
  it("a page rendered on A is served by B from Redis, without a render of its own, with B's nonce on its scripts", async () => {
    const { publicId, title } = await article(2);
    const path = `/posts/${publicId}`;
    await renderOn(a, path);
    // past a second: the page's lifetime travels with it (without it B would take it as stale)
    await new Promise((r) => setTimeout(r, 1_500));

    const fromB = logSize(b);
    const onB = await page(b, path);
    expect(onB.status).toBe(200);
    expect(onB.body).toContain(title);
    // a page B took as stale would be rendered again in the background, after the answer
    await new Promise((r) => setTimeout(r, 2_500));
    expect(rendersSince(b, fromB, path)).toBe(0);
    // B trusts the inline scripts of a page it never rendered: each carries this response's nonce
    const nonce = /'nonce-([^']+)'/.exec(onB.csp)?.[1];
    expect(nonce).toBeTruthy();
    // (JSON-LD is data, not run: it needs none)
    const scripts = (onB.body.match(/<script\b[^>]*>/g) ?? []).filter(
      (t) => !t.includes("application/ld+json"),
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }, 60_000);

  it("Redis cut off: pages and an approval keep working; back, the missed invalidation is replayed for a later instance", async () => {
    const target = await article(3);
    const path = `/posts/${target.publicId}`;
    await renderOn(a, path);
    await new Promise((r) => setTimeout(r, 500));

    await relay.down();
    const body = `共享缓存评论 ${Date.now()}`;
    const commentId = `sharedcache${Date.now()}`;
    await db.query(
      `INSERT INTO comments (id, "articleId", "authorId", body, status, "updatedAt") VALUES ($1, $2, $3, $4, 'PENDING', now())`,
      [commentId, target.id, target.authorId, body],
    );
    const cookie = await signIn(a, "EDITOR");
    const t0 = performance.now();
    const approved = await callAction(a, {
      pagePath: "/admin/comments",
      id: actionId("app/(admin)/admin/comments/actions.ts", "moderateCommentsAction"),
      args: [{ ids: [commentId], decision: "approve" }],
      cookie,
    });
    const actionMs = Math.round(performance.now() - t0);
    console.log(`[shared cache] approval with Redis cut off answered in ${actionMs} ms`);
    expect(approved).toMatchObject({ status: 200, ok: true });
    // both instances render from PostgreSQL meanwhile (B heard of it over the cache bus)
    for (const srv of [a, b])
      await expect
        .poll(async () => (await page(srv, path)).body.includes(body), { timeout: 10_000 })
        .toBe(true);

    await relay.up();
    await expect
      .poll(() => fs.readFileSync(a.logFile, "utf8").includes("shared cache: Redis answers again"), {
        timeout: 20_000,
      })
      .toBe(true);
    // a third instance has no memory of its own: it reads Redis, which still holds the page from
    // before the approval unless the replay expired it
    c = await startFaultServer({ name: "shared-cache-c", env: env() });
    // until C has connected, its pages come from PostgreSQL (which has the comment either way)
    await expect
      .poll(() => fs.readFileSync(c!.logFile, "utf8").includes("shared cache: connected to Redis"), {
        timeout: 20_000,
      })
      .toBe(true);
    const onC = await page(c, path);
    expect(onC.status).toBe(200);
    expect(onC.body).toContain(body);
    // C's part is over: stopped, so that its watcher's replay after the next test's pause (the
    // site-wide tags, which every page carries) does not expire a page that test has just stored
    expectNoMixUp(c);
    await c.stop("SIGTERM");
    c = undefined;
  }, 180_000);

  it("Redis paused: a reader waits one deadline, not the pause; afterwards B serves A's renders again", async () => {
    const [p1, p2, p3] = await Promise.all([article(4), article(5), article(6)]);
    const admin = createClient({ url: redis.url });
    await admin.connect();
    const [fromA, fromB] = [logSize(a), logSize(b)];
    try {
      await admin.sendCommand(["CLIENT", "PAUSE", "10000", "ALL"]);
      const t0 = performance.now();
      const first = await page(a, `/posts/${p1.publicId}`);
      const firstMs = Math.round(performance.now() - t0);
      const t1 = performance.now();
      const second = await page(a, `/posts/${p2.publicId}`);
      const secondMs = Math.round(performance.now() - t1);
      console.log(`[shared cache] Redis paused for 10 s: pages answered in ${firstMs} and ${secondMs} ms`);
      expect([first.status, second.status]).toEqual([200, 200]);
      // one read deadline (300 ms) and a render from PostgreSQL, not the pause
      expect(firstMs).toBeLessThan(5_000);
      expect(secondMs).toBeLessThan(5_000);
    } finally {
      await admin.quit();
    }
    // the pause over, the watcher closes the breaker and renders are shared again
    // both instances lost it (two PINGs unanswered) and both say when it is back
    await expect.poll(() => backSince(a, fromA) && backSince(b, fromB), { timeout: 30_000 }).toBe(true);
    const path = `/posts/${p3.publicId}`;
    await renderOn(a, path);
    await new Promise((r) => setTimeout(r, 500));
    const fromB3 = logSize(b);
    expect((await page(b, path)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(rendersSince(b, fromB3, path)).toBe(0);
  }, 120_000);

  it("an instance started while Redis is away serves pages, and shares renders once Redis is back", async () => {
    // A and B reach Redis through the relay too: they lose it as well, and say so when it is back
    // (each then replays the site-wide tags, which would expire a page stored before)
    const [fromA, fromB] = [logSize(a), logSize(b)];
    await relay.down();
    try {
      d = await startFaultServer({ name: "shared-cache-d", env: env() });
      const home = await page(d, "/");
      expect(home.status).toBe(200);
    } finally {
      await relay.up();
    }
    await expect
      .poll(
        () =>
          fs.readFileSync(d!.logFile, "utf8").includes("shared cache: connected to Redis") &&
          backSince(a, fromA) &&
          backSince(b, fromB),
        { timeout: 20_000 },
      )
      .toBe(true);
    const path = `/posts/${(await article(7)).publicId}`;
    await renderOn(a, path);
    await new Promise((r) => setTimeout(r, 500));
    const fromD = logSize(d!);
    expect((await page(d!, path)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(rendersSince(d!, fromD, path)).toBe(0);
    for (const srv of [a, b, d!]) expectNoMixUp(srv);
  }, 120_000);
});
