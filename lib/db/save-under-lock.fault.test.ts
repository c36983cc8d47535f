import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAction, actionId, signIn } from "@/lib/test/fault-actions";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";

/**
 * Issue 8, finding 8, against the production server: a row lock held for 30 s (a second session
 * doing BEGIN; SELECT … FOR UPDATE on the article) while a dozen saves of that article come in.
 * Each save must answer within 10 s with the zh-CN "please retry" conflict and write nothing,
 * and /api/health must keep answering in under 1 s while the saves wait. The figures are
 * printed; the bounds asserted are the issue's.
 */

const ACTIONS = "app/(editor)/editor/articles/actions.ts";
const SAVES = 12;

let srv: FaultServer;
let db: pg.Client;
let locker: pg.Client | null = null;

beforeAll(async () => {
  srv = await startFaultServer({ name: "save-under-lock" });
  db = new pg.Client({ connectionString: faultDatabaseUrl() });
  await db.connect();
});
afterAll(async () => {
  // resolves when already ended or cut by the server (pg 8.23): a rejection is a real failure
  await locker?.end();
  await db?.end();
  await srv?.stop("SIGKILL");
});

const row = async (id: string) =>
  (
    await db.query<{ version: number; title: string }>("SELECT version, title FROM articles WHERE id = $1", [
      id,
    ])
  ).rows[0]!;
const lockWaiters = async () =>
  (
    await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    )
  ).rows[0]!.n;

async function timedGet(url: string) {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

describe("saves of a locked article", () => {
  it("answer a retry conflict within 10 s each while health stays under 1 s", async () => {
    const cookie = await signIn(srv, "EDITOR");
    const { id, title } = (
      await db.query<{ id: string; title: string }>(
        "SELECT id, title FROM articles WHERE status = 'DRAFT' ORDER BY id LIMIT 1",
      )
    ).rows[0]!;
    const save = (version: number, newTitle: string) =>
      callAction(srv, {
        pagePath: `/editor/articles/${id}`,
        id: actionId(ACTIONS, "saveArticleAction"),
        args: [{ id, version, title: newTitle }],
        cookie,
      });

    // the save path works before the fault (and every module it needs is loaded)
    const warm = await save((await row(id)).version, `${title}（预热）`);
    expect(warm).toMatchObject({ status: 200, ok: true });
    const before = await row(id);

    locker = new pg.Client({ connectionString: faultDatabaseUrl() });
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query("SELECT id FROM articles WHERE id = $1 FOR UPDATE", [id]);
    const lockedAt = performance.now();

    let pending = SAVES;
    const saves = Array.from({ length: SAVES }, (_, i) =>
      save(before.version, `锁住时保存 ${i}`).finally(() => pending--),
    );

    // health and a public page, sampled while the saves wait on the lock
    const health: number[] = [];
    const home: number[] = [];
    let maxWaiters = 0;
    while (pending > 0 && performance.now() - lockedAt < 30_000) {
      maxWaiters = Math.max(maxWaiters, await lockWaiters());
      const h = await timedGet(`${srv.base}/api/health`);
      expect(h.status).toBe(200);
      health.push(h.ms);
      home.push((await timedGet(`${srv.base}/`)).ms);
      await new Promise((r) => setTimeout(r, 200));
    }
    const answers = await Promise.all(saves);
    const stillLocked = performance.now() - lockedAt < 30_000;
    await locker.query("ROLLBACK");

    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    const max = (xs: number[]) => Math.round(Math.max(...xs));
    console.log(
      `[fault] ${SAVES} saves under a row lock: answered in ${ms[0]}–${ms.at(-1)} ms (codes ${[...new Set(answers.map((a) => a.code))].join(",")}); ` +
        `${maxWaiters} sessions waiting on the lock at most; /api/health max ${max(health)} ms over ${health.length} samples; home page max ${max(home)} ms`,
    );

    expect(stillLocked).toBe(true);
    expect(maxWaiters).toBeGreaterThan(0); // the saves really were held up by the lock
    expect(health.length).toBeGreaterThan(0);
    expect(max(health)).toBeLessThan(1_000);
    for (const a of answers) {
      expect(a).toMatchObject({ status: 200, ok: false, code: "CONFLICT" });
      expect(JSON.parse(`"${a.message}"`)).toContain("请稍后重试");
      expect(a.ms).toBeLessThan(10_000);
    }
    // nothing was written, and once the lock is gone the same save goes through
    expect(await row(id)).toEqual(before);
    expect(await save(before.version, `${title}（解锁后）`)).toMatchObject({ ok: true });
  });
});
