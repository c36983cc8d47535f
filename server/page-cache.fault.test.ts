import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionId, callAction, signIn } from "@/lib/test/fault-actions";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import type { Answer } from "./test/http-client";
import { getFrom, latestArticle, rendersSince as renderedSince, type Article } from "./test/page-cache-fault";

/**
 * Issue 12: 50 concurrent requests for a just-invalidated article cause exactly one render. The
 * server logs every page Next.js stores (BYLINE_DEBUG_PAGE_RENDERS, server/page-cache-hook.mjs);
 * the responses say which one went to Next.js (X-Byline-Cache: MISS) and which were served from
 * the page cache (HIT).
 */

let srv: FaultServer;
let db: pg.Client;
let article: Article;

beforeAll(async () => {
  srv = await startFaultServer({ name: "page-cache", env: { BYLINE_DEBUG_PAGE_RENDERS: "1" } });
  db = new pg.Client({ connectionString: faultDatabaseUrl() });
  await db.connect();
  article = await latestArticle(db);
});
afterAll(async () => {
  await db?.end();
  await srv?.stop("SIGKILL");
});

const get = (path: string, headers: Record<string, string> = {}) => getFrom(srv, path, headers);

const rendersSince = (from: number, path: string) => renderedSince(srv, from, path);

describe("the page cache after an invalidation", () => {
  it("renders a just-invalidated article once for 50 concurrent readers (and its preload), and all of them see the change", async () => {
    const path = `/posts/${article.publicId}`;
    // served from the page cache before the change
    await expect
      .poll(async () => (await get(path)).headers["x-byline-cache"], { timeout: 30_000 })
      .toBe("HIT");

    // a pending comment of our own, approved by an editor through the moderation action
    const body = `页面缓存故障测试评论 ${Date.now()}`;
    const commentId = `pagecache${Date.now()}`;
    await db.query(
      `insert into comments (id, "articleId", "authorId", body, status, "updatedAt") values ($1, $2, $3, $4, 'PENDING', now())`,
      [commentId, article.id, article.authorId, body],
    );
    expect((await get(path)).body).not.toContain(body);
    const cookie = await signIn(srv, "EDITOR");
    const from = fs.statSync(srv.logFile).size;
    const approved = await callAction(srv, {
      pagePath: "/admin/comments",
      id: actionId("app/(admin)/admin/comments/actions.ts", "moderateCommentsAction"),
      args: [{ ids: [commentId], decision: "approve" }],
      cookie,
    });
    expect(approved).toMatchObject({ status: 200, ok: true });

    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: 50 }, () => get(path)));
    const ms = Math.round(performance.now() - t0);
    const states = answers.map((a) => a.headers["x-byline-cache"]);
    const renders = rendersSince(from, path);
    console.log(
      `[fault] 50 concurrent GET ${path} after an approval: ${states.filter((s) => s === "MISS").length} MISS, ` +
        `${states.filter((s) => s === "HIT").length} HIT, ${renders} render(s), ${ms} ms`,
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 200));
    // one render in all: the server's own preload of the dropped page (page-cache-warm.mjs), which
    // the readers join, or, when a reader's request reached the server first, that reader's
    const misses = states.filter((s) => s === "MISS").length;
    expect(misses).toBeLessThanOrEqual(1);
    expect(states.filter((s) => s === "HIT")).toHaveLength(50 - misses);
    expect(renders).toBe(1);
    for (const a of answers) expect(a.body).toContain(body);
  });

  it("leaves signed-in readers on the nonce path, and never stores what they get", async () => {
    const path = `/posts/${article.publicId}`;
    const cookie = await signIn(srv, "READER");
    const a = await get(path, { cookie });
    const b = await get(path, { cookie });
    expect(a.headers["x-byline-cache"]).toBe("BYPASS");
    expect(a.headers["content-security-policy"]).toMatch(/script-src 'nonce-[^']+' .*'strict-dynamic'/);
    const nonce = (r: Answer) => /'nonce-([^']+)'/.exec(String(r.headers["content-security-policy"]))?.[1];
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a.body).toContain(`nonce="${nonce(a)}"`);
  });
});
