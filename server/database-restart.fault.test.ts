/**
 * Issue 15: PostgreSQL restarted under a running server (a relay between them plays the restart:
 * connections cut, new ones refused, then accepted again). Cached public pages keep being served;
 * everything else gets a 503 with a zh-CN message at once, not a hang or an error page
 * (server/database-gate.mjs); when the database is back the same process serves again.
 */
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEDIA_KEY } from "@/lib/media/storage/types";
import { signIn } from "@/lib/test/fault-actions";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { startPgRelay, type PgRelay } from "@/lib/test/pg-relay";
import { readAnswer, type Answer } from "./test/http-client";

let srv: FaultServer;
let relay: PgRelay;
let articlePath: string;
let queries = 0;
/** A search no cache has seen: only the database can answer it. */
const freshSearch = (api = false) =>
  `${api ? "/api/v1/search" : "/search"}?q=${encodeURIComponent(`勒索${++queries}`)}`;

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const t0 = performance.now();
  return new Promise<Answer & { ms: number }>((resolve, reject) => {
    const req = http.request(srv.base + path, {
      method: init.method ?? "GET",
      headers: init.headers,
      agent: false,
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`${path}: no answer in 60 s`)));
    req.on(
      "response",
      (res) =>
        void readAnswer(res).then((a) => resolve({ ...a, ms: Math.round(performance.now() - t0) }), reject),
    );
    req.on("error", reject);
    req.end();
  });
}

describe("PostgreSQL restarted under a running server", () => {
  beforeAll(async () => {
    relay = await startPgRelay(faultDatabaseUrl());
    const db = new pg.Client({ connectionString: faultDatabaseUrl() });
    await db.connect();
    const { rows } = await db.query<{ publicId: string }>(
      `SELECT "publicId" FROM articles WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`,
    );
    await db.end();
    articlePath = `/posts/${rows[0]!.publicId}`;
    srv = await startFaultServer({ name: "pg-restart", env: { DATABASE_URL: relay.url } });
  }, 120_000);

  afterAll(async () => {
    await srv?.stop();
    await relay?.close();
  });

  it("keeps cached pages, answers the rest 503 with a zh-CN message at once, and recovers without a restart", async () => {
    // readers' pages in the page cache before the outage
    for (const p of ["/", articlePath])
      await expect
        .poll(async () => (await request(p)).headers["x-byline-cache"], { timeout: 60_000 })
        .toBe("HIT");
    expect((await request(freshSearch())).status).toBe(200);
    const reader = await signIn(srv, "READER");

    await relay.down();
    const downAt = performance.now();
    // the first request that needs the database fails inside Next.js and reports it; the gate
    // probes, and from then on every such request is a 503 without entering Next.js
    const first = await request(freshSearch());
    console.log(`first request after the outage: HTTP ${first.status} in ${first.ms} ms`);
    expect(first.ms).toBeLessThan(15_000);
    await expect.poll(async () => (await request(freshSearch())).status, { timeout: 15_000 }).toBe(503);
    console.log(`gate closed ${Math.round(performance.now() - downAt)} ms after the database went away`);

    const page = await request(freshSearch());
    expect(page.status).toBe(503);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["retry-after"]).toBe("5");
    expect(page.body).toContain("数据库暂时无法连接");
    expect(page.ms).toBeLessThan(1_000);
    const api = await request(freshSearch(true));
    expect(api.status).toBe(503);
    expect(JSON.parse(api.body)).toEqual({
      error: { code: "UNAVAILABLE", message: expect.stringContaining("数据库") },
    });
    // a signed-in reader's page and a write (sign-out's POST) get the same answer
    expect((await request("/me/bookmarks", { headers: { Cookie: reader } })).status).toBe(503);
    expect((await request("/api/auth/signout", { method: "POST", headers: { Cookie: reader } })).status).toBe(
      503,
    );
    // a public page not in the page cache: refused, and so are the requests that would have waited
    // for its render; after the outage it must render, not stay stuck behind the refused capture
    const uncached = await Promise.all([request("/category/news"), request("/category/news")]);
    expect(uncached.map((a) => a.status)).toEqual([503, 503]);
    // cached pages keep being served, with their images (the media store needs no database)
    for (const p of ["/", articlePath]) {
      const cached = await request(p);
      expect([cached.status, cached.headers["x-byline-cache"]]).toEqual([200, "HIT"]);
    }
    // the first media URL on home, in a src or the first of a srcset ("<url> 480w, …")
    const key = MEDIA_KEY.source.slice(1, -1); // the storage key's own rule, without ^ and $
    const image = new RegExp(`"(/media/${key})[" ]`).exec((await request("/")).body)?.[1];
    expect(image).toBeDefined();
    expect((await request(image!)).status).toBe(200);
    // the readiness check says what is wrong
    const ready = await request("/api/ready");
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body).checks.database).toMatchObject({ ok: false, message: "无法连接数据库" });

    await relay.up();
    const upAt = performance.now();
    await expect.poll(async () => (await request(freshSearch())).status, { timeout: 15_000 }).toBe(200);
    console.log(`serving again ${Math.round(performance.now() - upAt)} ms after the database came back`);
    expect((await request(freshSearch(true))).status).toBe(200);
    expect((await request("/api/ready")).status).toBe(200);
    expect((await request("/category/news")).status).toBe(200);
    expect((await request("/me/bookmarks", { headers: { Cookie: reader } })).status).toBe(200);
    // the same process throughout: nothing restarted it
    expect(srv.child.exitCode).toBeNull();
  }, 300_000);
});
