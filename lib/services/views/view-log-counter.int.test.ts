import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { frontLine } from "@/lib/test/front-view-line";
import { createViewLog } from "@/server/view-log.mjs";
import { createViewLogCounter } from "@/server/view-log-counter.mjs";
import { formatViewLine } from "./view-log.mjs";

/**
 * The view counter (server/view-log-counter.mjs) against PostgreSQL: the beacon's rules applied
 * to the view log's lines, each line counted once (the cursor moves with the write), several
 * counters on one folder, sealed and rotated files.
 */
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

let pool: pg.Pool;
const dirs: string[] = [];
beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
});
afterAll(async () => {
  await pool.end();
});
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function folder() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "byline-views-"));
  dirs.push(d);
  return d;
}
const visitor = () => randomBytes(16).toString("base64url").slice(0, 22);
const line = (publicId: string, v: string | undefined, ua = CHROME, at = Date.now(), ip = "203.0.113.7") =>
  formatViewLine({ at, publicId, visitor: v, ip, userAgent: ua });
const viewsOf = async (id: string) =>
  (await db.article.findUniqueOrThrow({ where: { id }, select: { viewCount: true } })).viewCount;
const counter = (dir: string) => createViewLogCounter({ pool, dir, log: () => {} });

describe("the view counter", () => {
  it("counts each reader once per article, never a crawler, an unpublished or unknown article", async () => {
    const dir = folder();
    const a = await createArticle({ viewCount: 10 });
    const b = await createArticle({ viewCount: 0 });
    const draft = await createArticle({ status: "DRAFT" });
    const [r1, r2] = [visitor(), visitor()];
    fs.writeFileSync(
      path.join(dir, "front.log"),
      [
        line(a.publicId, r1),
        line(a.publicId, r1), // the same reader again: once per 30 minutes
        line(a.publicId, r2),
        line(b.publicId, r1),
        line(a.publicId, undefined, CHROME, Date.now(), "198.51.100.1"), // no cookie: address and browser
        line(a.publicId, undefined, CHROME, Date.now(), "198.51.100.1"),
        line(a.publicId, visitor(), BOT),
        line(draft.publicId, visitor()),
        line("nosucharticle", visitor()),
        "a line that is no view\n",
      ].join(""),
    );
    const c = counter(dir);
    expect((await c.pass()).lines).toBe(10);
    expect(await viewsOf(a.id)).toBe(13);
    expect(await viewsOf(b.id)).toBe(1);
    expect(await viewsOf(draft.id)).toBe(0);
    // read once: a second pass, and a new counter with no memory, add nothing
    expect((await c.pass()).lines).toBe(0);
    expect((await counter(dir).pass()).lines).toBe(0);
    expect(await viewsOf(a.id)).toBe(13);
    const days = await db.articleViewDay.aggregate({ where: { articleId: a.id }, _sum: { views: true } });
    expect(days._sum.views).toBe(3);
  });

  it("counts the views among the front's lines, which are all its article page requests", async () => {
    const dir = folder();
    const a = await createArticle({ viewCount: 0 });
    const page = `/posts/${a.publicId}`;
    const time = new Date().toISOString().replace(/\.\d+Z$/, "+00:00");
    const at = (values: Parameters<typeof frontLine>[0]) =>
      `${frontLine({ $time_iso8601: time, $request_uri: page, ...values })}\n`;
    fs.writeFileSync(
      path.join(dir, "front.log"),
      [
        at({ $cookie_bl_vid: visitor() }),
        // a script's navigation (no Sec-Fetch-User), from a browser that sends no Sec-Fetch-Dest
        at({
          $cookie_bl_vid: visitor(),
          $request_uri: `${page}?from=wechat`,
          $http_sec_fetch_user: "",
          $http_sec_fetch_dest: "",
        }),
        at({ $cookie_bl_vid: "", $remote_addr: "198.51.100.4" }), // no cookie: address and browser
        at({ $cookie_bl_vid: visitor(), $status: "304" }), // a copy the browser revalidated, shown
        // the same requests, none a view
        at({ $cookie_bl_vid: visitor(), $byline_session: "1" }),
        at({ $cookie_bl_vid: visitor(), $http_rsc: "1", $http_sec_fetch_dest: "empty" }),
        at({ $cookie_bl_vid: visitor(), $http_sec_fetch_user: "", $http_sec_purpose: "prefetch;prerender" }),
        at({ $cookie_bl_vid: visitor(), $http_sec_fetch_user: "", $http_sec_fetch_dest: "iframe" }),
        at({ $cookie_bl_vid: visitor(), $request_method: "HEAD" }),
        at({ $cookie_bl_vid: visitor(), $status: "404" }),
        at({ $cookie_bl_vid: visitor(), $request_uri: `${page}/older` }),
        at({ $cookie_bl_vid: visitor(), $http_user_agent: BOT }),
      ].join(""),
    );
    expect((await counter(dir).pass()).lines).toBe(12);
    expect(await viewsOf(a.id)).toBe(4);
  });

  it("waits for a line's end before counting it", async () => {
    const dir = folder();
    const a = await createArticle({ viewCount: 0 });
    const file = path.join(dir, "front.log");
    const whole = line(a.publicId, visitor());
    fs.writeFileSync(file, whole + line(a.publicId, visitor()).slice(0, 30));
    const c = counter(dir);
    expect((await c.pass()).lines).toBe(1);
    expect(await viewsOf(a.id)).toBe(1);
    // the rest of the torn line arrives
    const second = line(a.publicId, visitor());
    fs.writeFileSync(file, whole + second);
    expect((await c.pass()).lines).toBe(1);
    expect(await viewsOf(a.id)).toBe(2);
  });

  it("two counters on one folder count every line exactly once", async () => {
    const dir = folder();
    const a = await createArticle({ viewCount: 0 });
    for (const name of ["front.log", "app-h-1-1.log", "app-h-2-1.log.done"])
      fs.writeFileSync(
        path.join(dir, name),
        Array.from({ length: 3_000 }, () => line(a.publicId, visitor())).join(""),
      );
    const sealed = fs.statSync(path.join(dir, "app-h-2-1.log.done"));
    // small chunks: many transactions, interleaved between the two
    const one = createViewLogCounter({ pool, dir, chunkBytes: 16 * 1024, log: () => {} });
    const two = createViewLogCounter({ pool, dir, chunkBytes: 16 * 1024, log: () => {} });
    let read = 0;
    for (let round = 0; round < 200; round++) {
      const [x, y] = await Promise.all([one.pass(), two.pass()]);
      read += x.lines + y.lines;
      if (!x.more && !y.more && x.lines + y.lines === 0) break;
    }
    // every line read by one of them, once (a line read twice would still count once, by its
    // claim: the lines read say whether the cursor held)
    expect(read).toBe(9_000);
    expect(await viewsOf(a.id)).toBe(9_000);
    // the sealed server file is gone once counted; its cursor stays at its end, so a counter that
    // listed the file before it went finds it read rather than starting it anew
    expect(fs.readdirSync(dir).sort()).toEqual(["app-h-1-1.log", "front.log"]);
    const { rows } = await pool.query(`SELECT "offset" FROM view_log_cursors WHERE file = $1`, [
      `${sealed.ino}-${Math.floor(sealed.birthtimeMs)}`,
    ]);
    expect(rows.map((r) => Number(r.offset))).toEqual([sealed.size]);
  });

  it("reads at most its chunk in a pass however many files wait (a burst leaves many)", async () => {
    const dir = folder();
    const a = await createArticle({ viewCount: 0 });
    const size = line(a.publicId, visitor()).length;
    for (let f = 0; f < 4; f++)
      fs.writeFileSync(
        path.join(dir, `app-h-${f}-1.log.done`),
        Array.from({ length: 100 }, () => line(a.publicId, visitor())).join(""),
      );
    const c = createViewLogCounter({ pool, dir, chunkBytes: 16 * 1024, log: () => {} });
    const first = await c.pass();
    // 16 KB of whole lines, from the first file only, not 16 KB of each of four
    expect(first.lines).toBe(Math.floor((16 * 1024) / size));
    expect(first.more).toBe(true);
    let read = first.lines;
    for (let round = 0; round < 20 && read < 400; round++) read += (await c.pass()).lines;
    expect(read).toBe(400);
    expect(await viewsOf(a.id)).toBe(400);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("follows a rotated file under its new name and counts the new one from its start", async () => {
    const dir = folder();
    const a = await createArticle({ viewCount: 0 });
    const file = path.join(dir, "front.log");
    fs.writeFileSync(file, line(a.publicId, visitor()) + line(a.publicId, visitor()));
    const c = counter(dir);
    await c.pass();
    expect(await viewsOf(a.id)).toBe(2);
    // logrotate: the file moves to .1 (nginx still appends to it until it reopens), a new one starts
    fs.appendFileSync(file, line(a.publicId, visitor()));
    fs.renameSync(file, `${file}.1`);
    fs.writeFileSync(file, line(a.publicId, visitor()) + line(a.publicId, visitor()));
    await c.pass();
    expect(await viewsOf(a.id)).toBe(5);
    expect((await c.pass()).lines).toBe(0);
  });

  it("drops what a folder holds for another database (dropped and created again), never this run's", async () => {
    const dir = folder();
    const a = await createArticle({ viewCount: 0 });
    const c = counter(dir);
    // a folder of this database keeps its files
    await c.adopt(Date.now());
    fs.writeFileSync(path.join(dir, "front.log"), line(a.publicId, visitor()));
    await c.adopt(Date.now() + 60_000);
    expect(fs.readdirSync(dir).sort()).toEqual([".database", "front.log"]);
    // the database named in the folder is gone: its lines are not this one's to count
    fs.writeFileSync(path.join(dir, ".database"), "1\n");
    const old = Date.now() / 1000 - 60;
    fs.utimesSync(path.join(dir, "front.log"), old, old);
    fs.writeFileSync(path.join(dir, "app-h-3-1.log"), line(a.publicId, visitor()));
    await c.adopt(Date.now() - 10_000);
    expect(fs.readdirSync(dir).sort()).toEqual([".database", "app-h-3-1.log"]);
    await c.pass();
    expect(await viewsOf(a.id)).toBe(1);
  });

  it("counts what the server logs, and not what the front logged or a signed-in reader opened", async () => {
    const dir = folder();
    const a = await createArticle({ viewCount: 0 });
    const log = createViewLog({ dir, log: () => {} });
    const req = (headers: Record<string, string>, url = `/posts/${a.publicId}`, method = "GET") =>
      ({
        url,
        method,
        headers: { "user-agent": CHROME, ...headers },
        socket: { remoteAddress: "::ffff:192.0.2.9" },
      }) as unknown as IncomingMessage;
    log.served(req({ cookie: `bl_vid=${visitor()}`, "sec-fetch-dest": "document" }), 200);
    log.served(req({ cookie: `bl_vid=${visitor()}` }, `/posts/${a.publicId}?utm_source=wechat`), 200);
    log.served(req({ "x-byline-view-logged": "1" }), 200); // the front counts it
    log.served(req({ cookie: "authjs.session-token=abc" }), 200); // signed in: the beacon counts it
    log.served(req({ rsc: "1", "sec-fetch-dest": "empty" }), 200);
    log.served(req({}), 304); // a copy the browser revalidated, which it shows: a view
    log.served(req({}), 404);
    log.served(req({}, `/posts/${a.publicId}`, "HEAD"), 200);
    log.served(req({}, "/tag/web"), 200);
    log.close();
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^app-.+\.log\.done$/);
    expect((await counter(dir).pass()).lines).toBe(3);
    expect(await viewsOf(a.id)).toBe(3);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
