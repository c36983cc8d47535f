import fs from "node:fs";
import pg from "pg";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionId, callAction, signIn } from "@/lib/test/fault-actions";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { readAnswer, type Answer } from "./test/http-client";
import { getFrom, latestArticle, rendersSince as renderedSince, type Article } from "./test/page-cache-fault";

/**
 * `npm start`'s default: two server workers on one port (server/cluster.mjs). What a reader must
 * not notice: one render per invalidated page across both (page-cache-peers.mjs), every reader
 * sees a change at once whichever worker answers, the Content API's per-address limit and the
 * metrics are the machine's (the primary adds them up), a worker that dies is replaced while the
 * other answers, and SIGTERM stops them all.
 */

let srv: FaultServer;
let db: pg.Client;
let article: Article;

beforeAll(async () => {
  srv = await startFaultServer({
    name: "workers",
    env: { BYLINE_WORKERS: "2", BYLINE_DEBUG_PAGE_RENDERS: "1" },
  });
  db = new pg.Client({ connectionString: faultDatabaseUrl() });
  await db.connect();
  article = await latestArticle(db);
});
afterAll(async () => {
  await db?.end();
  await srv?.stop("SIGKILL");
});

const get = (path: string, headers: Record<string, string> = {}) => getFrom(srv, path, headers);

/** The server's worker processes: the primary's children running server/worker.mjs. */
function workerPids(): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== srv.child.pid) continue;
      if (fs.readFileSync(`/proc/${name}/cmdline`, "utf8").includes("server/worker.mjs"))
        out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out.sort();
}

const rendersSince = (from: number, path: string) => renderedSince(srv, from, path);

const metric = (text: string, line: RegExp) => Number(line.exec(text)?.[1] ?? Number.NaN);

describe("two workers on one port", () => {
  it("runs two worker processes under the primary", () => {
    expect(workerPids()).toHaveLength(2);
  });

  it("renders a just-invalidated article once for 50 concurrent readers across both workers, and all of them see the change", async () => {
    const path = `/posts/${article.publicId}`;
    // both workers hold the page: a worker that did not render it was sent it
    for (let i = 0; i < 4; i++)
      await expect
        .poll(async () => (await get(path)).headers["x-byline-cache"], { timeout: 30_000 })
        .toBe("HIT");

    const body = `多进程页面缓存故障测试评论 ${Date.now()}`;
    const commentId = `workers${Date.now()}`;
    await db.query(
      `insert into comments (id, "articleId", "authorId", body, status, "updatedAt") values ($1, $2, $3, $4, 'PENDING', now())`,
      [commentId, article.id, article.authorId, body],
    );
    const cookie = await signIn(srv, "EDITOR");
    const from = fs.statSync(srv.logFile).size;
    const approved = await callAction(srv, {
      pagePath: "/admin/comments",
      id: actionId("app/(admin)/admin/comments/actions.ts", "moderateCommentsAction"),
      args: [{ ids: [commentId], decision: "approve" }],
      cookie,
    });
    expect(approved).toMatchObject({ status: 200, ok: true });

    const answers = await Promise.all(Array.from({ length: 50 }, () => get(path)));
    const states = answers.map((a) => a.headers["x-byline-cache"]);
    console.log(
      `[fault] workers: 50 concurrent GET ${path} after an approval: ${states.filter((s) => s === "MISS").length} MISS, ` +
        `${states.filter((s) => s === "HIT").length} HIT, ${rendersSince(from, path)} render(s)`,
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 200));
    for (const a of answers) expect(a.body).toContain(body);
    expect(rendersSince(from, path)).toBe(1);
    // the other worker heard of the approval over the bus meanwhile: still one render, and both
    // answer from memory
    await new Promise((r) => setTimeout(r, 1_000));
    const later = await Promise.all(Array.from({ length: 10 }, () => get(path)));
    for (const a of later) {
      expect(a.headers["x-byline-cache"]).toBe("HIT");
      expect(a.body).toContain(body);
    }
    expect(rendersSince(from, path)).toBe(1);
  });

  it("adds up both workers' metrics", async () => {
    const path = `/posts/${article.publicId}`;
    const hits = async () =>
      metric((await get("/api/metrics")).body, /^byline_page_cache_requests_total\{result="hit"\} (\d+)$/m);
    const before = await hits();
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(path)));
    expect(answers.every((a) => a.headers["x-byline-cache"] === "HIT")).toBe(true);
    // one worker's count alone would be about half of them
    expect((await hits()) - before).toBe(20);
  });

  it("holds the Content API's per-address limit for the machine, not per worker", async () => {
    // the limit counts in windows of the clock's minutes (server/content-api-limit.mjs): the reads
    // below take about 3 s, so they start early enough in one to end in it
    const into = Date.now() % 60_000;
    if (into > 50_000) await new Promise((r) => setTimeout(r, 60_000 - into + 100));
    // 130 reads from one address over new connections, both workers answering (limit 120 a minute)
    const statuses: number[] = [];
    for (let round = 0; round < 13; round++) {
      statuses.push(
        ...(await Promise.all(Array.from({ length: 10 }, () => get("/api/v1/articles")))).map(
          (a) => a.status,
        ),
      );
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(100);
    // the workers have exchanged their counts (every 250 ms): the address is past its limit on both
    await new Promise((r) => setTimeout(r, 700));
    const after = await Promise.all(Array.from({ length: 10 }, () => get("/api/v1/articles")));
    expect(after.map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => 429));
  });

  it("answers a reader's beacons the same whichever worker gets them: counted once", async () => {
    const beacon = () =>
      new Promise<Answer>((resolve, reject) => {
        const req = http.request(
          `${srv.base}/api/views/${article.publicId}`,
          {
            method: "POST",
            agent: false,
            headers: {
              origin: srv.origin,
              cookie: `bl_vid=${visitor}`,
              // no user agent reads as a crawler, never counted
              "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36",
            },
          },
          (res) => void readAnswer(res).then(resolve, reject),
        );
        req.on("error", reject).end();
      });
    // a well-formed visitor id (22 characters) of this run's own
    const visitor = `w${Date.now().toString(36)}`.padEnd(22, "x");
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await beacon());
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => (JSON.parse(a.body) as { counted: boolean }).counted)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it("replaces a worker that dies, while the other answers", async () => {
    const path = `/posts/${article.publicId}`;
    const [victim] = workerPids();
    process.kill(victim!, "SIGKILL");
    // the primary hears of the exit and hands new connections to the other worker only
    await new Promise((r) => setTimeout(r, 300));
    const during = await Promise.all(Array.from({ length: 10 }, () => get(path)));
    expect(during.map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => 200));
    await expect.poll(() => workerPids().filter((p) => p !== victim).length, { timeout: 60_000 }).toBe(2);
    await expect.poll(async () => (await get("/api/health")).status, { timeout: 30_000 }).toBe(200);
  });

  it("stops every worker on SIGTERM", async () => {
    const pids = workerPids();
    expect(pids).toHaveLength(2);
    expect(await srv.stop("SIGTERM")).toBe(0);
    for (const pid of pids) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
  });
});
