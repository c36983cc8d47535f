import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTopology, type Topology } from "../scripts/lib/topology.mjs";
import { indexArticle } from "@/lib/search/index-article";
import { actionId, callAction, signIn } from "@/lib/test/fault-actions";
import {
  asFaultServer,
  faultDatabaseUrl,
  faultLogFile,
  faultServerEnv,
  type FaultServer,
} from "@/lib/test/fault-server";
import { readAnswer, type Answer } from "./test/http-client";

/**
 * Issue 15: two app instances on one database, each with its own memory caches (Next.js' and the
 * in-process page cache). A change made on one is visible on the other within a second (the
 * cache bus, lib/cache/invalidation-bus.ts); a session and an upload made on one work on the other;
 * view beacons spread over both count exactly once each, and one visitor's beacons to both count
 * once (the claim in view_claims); behind the shipped front, killing one instance mid-traffic
 * costs readers nothing. The instances and the front are the topology
 * `npm run topology` starts (scripts/lib/topology.mjs), on the fault suite's build and database.
 */

let topology: Topology;
let a: FaultServer;
let b: FaultServer;
let db: pg.Client;
let token: string;

function get(srv: FaultServer, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(srv.base + path, { headers, agent: false }, (res) => void readAnswer(res).then(resolve, reject))
      .on("error", reject);
  });
}

/** Polls `path` on `srv` until its body contains `text`; the milliseconds it took, or -1. */
async function visibleAfter(srv: FaultServer, path: string, text: string, limitMs = 15_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if ((await get(srv, path)).body.includes(text)) return Math.round(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return -1;
}

/** Waits until `path` is served from `srv`'s page cache. */
async function cached(srv: FaultServer, path: string) {
  await expect
    .poll(async () => (await get(srv, path)).headers["x-byline-cache"], { timeout: 60_000 })
    .toBe("HIT");
}

/** An Admin API token made straight in the database (the admin UI is not under test here). */
async function makeToken(): Promise<string> {
  const secret = `byl_${randomBytes(32).toString("base64url")}`;
  const id = `twoinst${Date.now()}`;
  await db.query(
    `INSERT INTO users (id, email, "passwordHash", role, "isIntegration", "updatedAt")
       VALUES ($1, $2, '!', 'EDITOR', true, now())`,
    [id, `${id}@integrations.invalid`],
  );
  await db.query(
    `INSERT INTO profiles ("userId", "publicId", "displayName", "updatedAt") VALUES ($1, $2, '集成·双实例', now())`,
    [id, id.slice(-10)],
  );
  await db.query(
    `INSERT INTO api_tokens (id, name, prefix, "tokenHash", scopes, "userId")
       VALUES ($1, '双实例', $2, $3, '{articles:write,articles:publish}', $4)`,
    [id, secret.slice(0, 10), createHash("sha256").update(secret).digest("hex"), id],
  );
  return secret;
}

async function adminApi(srv: FaultServer, method: string, path: string, body: unknown) {
  const res = await fetch(`${srv.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  topology = await startTopology({
    instances: 2,
    names: ["instance-a", "instance-b"],
    // each instance asks the database for due 定时发布 every second (default 30 s)
    env: { ...faultServerEnv(), BYLINE_SCHEDULER_INTERVAL_MS: "1000" },
    // scripts/test.mjs has migrated and seeded the database and made the build
    migrate: false,
    seed: false,
    build: false,
    readyTimeoutMs: 90_000,
    logFile: faultLogFile,
    log: () => {},
  });
  [a, b] = topology.instances.map(asFaultServer) as [FaultServer, FaultServer];
  db = new pg.Client({ connectionString: faultDatabaseUrl() });
  await db.connect();
  token = await makeToken();
});
afterAll(async () => {
  await db?.end();
  await topology?.stop("SIGKILL");
});

/**
 * A reader's view beacon, straight to one instance, as the article page sends it. `visitor`: its
 * bl_vid cookie, or `{ address }` for a reader whose browser keeps no cookie (the instances trust one
 * proxy hop, so X-Forwarded-For is its address).
 */
function sendBeacon(srv: FaultServer, publicId: string, visitor: string | { address: string }) {
  return fetch(`${srv.base}/api/views/${publicId}`, {
    method: "POST",
    headers: {
      origin: srv.origin,
      ...(typeof visitor === "string"
        ? { cookie: `bl_vid=${visitor}` }
        : { "x-forwarded-for": visitor.address }),
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36",
    },
  });
}

async function viewCountOf(articleId: string): Promise<number> {
  const { rows } = await db.query<{ viewCount: number }>(`SELECT "viewCount" FROM articles WHERE id = $1`, [
    articleId,
  ]);
  return rows[0]!.viewCount;
}

describe("two instances on one database", () => {
  it("an article published on A shows on B's cached home page within 1 s", async () => {
    await cached(b, "/");
    const title = `双实例发布测试 ${Date.now()}`;
    const category = (await db.query<{ id: number }>(`SELECT id FROM categories ORDER BY position LIMIT 1`))
      .rows[0]!;
    const created = await adminApi(a, "POST", "/api/v1/admin/articles", {
      title,
      categoryId: category.id,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }] },
    });
    expect(created.status).toBe(201);
    expect((await get(b, "/")).body).not.toContain(title);
    const published = await adminApi(
      a,
      "POST",
      `/api/v1/admin/articles/${created.body.publicId as string}/publish`,
      {
        version: created.body.version,
      },
    );
    expect(published.status).toBe(200);
    const ms = await visibleAfter(b, "/", title);
    console.log(`[two instances] published on A, on B's home page after ${ms} ms`);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThanOrEqual(1_000);
  });

  it("a comment approved on B appears on A's cached article page within 1 s", async () => {
    const article = (
      await db.query<{ id: string; publicId: string; authorId: string }>(
        `SELECT id, "publicId", "authorId" FROM articles WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC OFFSET 1 LIMIT 1`,
      )
    ).rows[0]!;
    const path = `/posts/${article.publicId}`;
    await cached(a, path);
    const body = `双实例评论 ${Date.now()}`;
    const commentId = `twoinst${Date.now()}`;
    await db.query(
      `INSERT INTO comments (id, "articleId", "authorId", body, status, "updatedAt") VALUES ($1, $2, $3, $4, 'PENDING', now())`,
      [commentId, article.id, article.authorId, body],
    );
    const cookie = await signIn(b, "EDITOR");
    const approved = await callAction(b, {
      pagePath: "/admin/comments",
      id: actionId("app/(admin)/admin/comments/actions.ts", "moderateCommentsAction"),
      args: [{ ids: [commentId], decision: "approve" }],
      cookie,
    });
    expect(approved).toMatchObject({ status: 200, ok: true });
    const ms = await visibleAfter(a, path, body);
    console.log(`[two instances] approved on B, on A's article page after ${ms} ms`);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThanOrEqual(1_000);
  });

  it("a session made on A works on B, and an upload made on A is served by B", async () => {
    const reader = await signIn(a, "READER");
    const me = await get(b, "/api/me", { cookie: reader });
    expect(me.status).toBe(200);
    expect((JSON.parse(me.body) as { user: { role: string } | null }).user?.role).toBe("READER");

    const editor = await signIn(a, "EDITOR");
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a6" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "two-instances.png");
    form.set("alt", "双实例上传");
    const up = await fetch(`${a.base}/api/media`, {
      method: "POST",
      headers: { cookie: editor, origin: a.origin },
      body: form,
    });
    expect(up.status).toBe(201);
    const { url } = (await up.json()) as { url: string };
    const fromA = await fetch(`${a.base}${url}`);
    const fromB = await fetch(`${b.base}${url}`);
    expect(fromB.status).toBe(200);
    expect(Buffer.from(await fromB.arrayBuffer())).toEqual(Buffer.from(await fromA.arrayBuffer()));
  });
  it("1,000 view beacons spread over both instances count exactly 1,000 after the flush", async () => {
    const article = (
      await db.query<{ id: string; publicId: string; viewCount: number }>(
        `SELECT id, "publicId", "viewCount" FROM articles WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC OFFSET 2 LIMIT 1`,
      )
    ).rows[0]!;
    const beacon = async (i: number) => {
      // a visitor of its own each: 22 characters, like the bl_vid cookie the beacon sets
      const res = await sendBeacon(i % 2 ? b : a, article.publicId, `v${String(i).padStart(21, "0")}`);
      return ((await res.json()) as { counted?: boolean }).counted === true;
    };
    let counted = 0;
    for (let start = 0; start < 1_000; start += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, (_, k) => beacon(start + k)));
      counted += batch.filter(Boolean).length;
    }
    expect(counted).toBe(1_000);
    const views = () => viewCountOf(article.id);
    await expect.poll(views, { timeout: 15_000 }).toBe(article.viewCount + 1_000);
    // and no more: both buffers are empty
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await views()).toBe(article.viewCount + 1_000);
  });

  it.each([
    ["with its cookie", 3, () => `w${Date.now().toString(36).padStart(21, "0")}`],
    // its id is derived from address and browser with a key every instance derives from AUTH_SECRET
    ["without a cookie", 4, () => ({ address: "198.51.100.23" })],
  ] as const)(
    "one visitor's beacons (%s) for one article on A and on B count once (the claim in PostgreSQL)",
    async (_, offset, visitorOf) => {
      const article = (
        await db.query<{ id: string; publicId: string; viewCount: number }>(
          `SELECT id, "publicId", "viewCount" FROM articles WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC OFFSET $1 LIMIT 1`,
          [offset],
        )
      ).rows[0]!;
      const visitor = visitorOf();
      const beacon = async (srv: FaultServer) => {
        const res = await sendBeacon(srv, article.publicId, visitor);
        expect(res.status).toBe(200);
        return (await res.json()) as { counted?: boolean };
      };
      // straight to each instance, not through the front (which would send both to one instance):
      // each instance's memory lets its beacon through, and A's has been written before B's arrives
      expect((await beacon(a)).counted).toBe(true);
      await new Promise((r) => setTimeout(r, 600));
      await beacon(b);
      await beacon(a);
      await beacon(b);
      const views = () => viewCountOf(article.id);
      await expect.poll(views, { timeout: 15_000 }).toBe(article.viewCount + 1);
      // and no more once both buffers are written
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await views()).toBe(article.viewCount + 1);
    },
  );

  it("100 scheduled articles due at once are each published exactly once by the two schedulers", async () => {
    const source = (
      await db.query<{ id: string }>(
        `SELECT id FROM articles WHERE status = 'PUBLISHED' AND "sourceSnapshotId" IS NULL LIMIT 1`,
      )
    ).rows[0]!;
    const stamp = Date.now().toString(36);
    // copies of a published article, SCHEDULED for two seconds from now
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO articles
         SELECT (jsonb_populate_record(null::articles, to_jsonb(a) || jsonb_build_object(
           'id', 'sched' || $2 || n, 'publicId', 's' || $2 || n, 'title', '定时双实例 ' || n,
           'status', 'SCHEDULED', 'publishedAt', null,
           'scheduledAt', now() + interval '2 seconds' + n * interval '1 millisecond',
           'version', 1, 'viewCount', 0, 'commentCount', 0))).*
         FROM articles a, generate_series(1, 100) n WHERE a.id = $1
       RETURNING id`,
      [source.id, stamp],
    );
    const ids = rows.map((r) => r.id);
    expect(ids).toHaveLength(100);
    // the copies came with the source's search vector: indexed with their own titles, as every write
    // is, so the suite's database stays one the site could have made (roundtrip.fault.test.ts
    // exports it, and the import indexes each article anew)
    const copies = await db.query<{ id: string; title: string; lede: string; bodyText: string }>(
      `SELECT id, title, lede, "bodyText" FROM articles WHERE id = ANY($1)`,
      [ids],
    );
    const raw = {
      $executeRaw: (sql: TemplateStringsArray, ...values: unknown[]) =>
        db.query(sql.map((part, i) => (i === 0 ? part : `$${i}${part}`)).join(""), values),
    } as unknown as Parameters<typeof indexArticle>[0];
    for (const copy of copies.rows) await indexArticle(raw, copy);
    const publishedCount = async () =>
      Number(
        (await db.query(`SELECT count(*) FROM articles WHERE id = ANY($1) AND status = 'PUBLISHED'`, [ids]))
          .rows[0].count,
      );
    await expect.poll(publishedCount, { timeout: 30_000 }).toBe(100);
    const transitions = await db.query<{ articleId: string; n: string }>(
      `SELECT "articleId", count(*) AS n FROM article_transitions
        WHERE "articleId" = ANY($1) AND "toStatus" = 'PUBLISHED' GROUP BY "articleId"`,
      [ids],
    );
    expect(transitions.rows).toHaveLength(100);
    expect(transitions.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    const audits = await db.query(
      `SELECT count(*) FROM audit_logs WHERE action = 'article.publishScheduled' AND "targetId" = ANY($1)`,
      [ids],
    );
    expect(Number(audits.rows[0].count)).toBe(100);
    const versions = await db.query(`SELECT DISTINCT version FROM articles WHERE id = ANY($1)`, [ids]);
    expect(versions.rows).toEqual([{ version: 2 }]);
  });

  it("the Content API limit counts both instances' answers together (in Redis)", async () => {
    // an address of its own (the instances trust one proxy hop), and one minute window for all of it
    const headers = { "x-forwarded-for": "203.0.113.77" };
    const toNextMinute = 60_000 - (Date.now() % 60_000);
    if (toNextMinute < 15_000) await new Promise((r) => setTimeout(r, toNextMinute + 100));
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++)
      statuses.push((await get(i % 2 ? b : a, "/api/v1/categories", headers)).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // each instance has seen 60: alone, each would answer 60 more; together they have had 120
    await new Promise((r) => setTimeout(r, 750));
    expect((await get(a, "/api/v1/categories", headers)).status).toBe(429);
    expect((await get(b, "/api/v1/categories", headers)).status).toBe(429);
  }, 120_000);

  it("behind the shipped front, killing instance A mid-traffic: every reader request answers 200, every accepted write is kept", async () => {
    const path = `/posts/${
      (
        await db.query<{ publicId: string }>(
          `SELECT "publicId" FROM articles WHERE status = 'PUBLISHED' LIMIT 1`,
        )
      ).rows[0]!.publicId
    }`;
    const { front } = topology;
    // the front's upstreams are both instances (byline/http.conf rendered by nginx-front.mjs)
    const upstreams = fs.readFileSync(`${front.dir}/byline/http.conf`, "utf8");
    for (const srv of [a, b]) expect(upstreams).toContain(`server ${new URL(srv.base).host};`);
    const category = (await db.query<{ id: number }>(`SELECT id FROM categories ORDER BY position LIMIT 1`))
      .rows[0]!;
    const run = `kill${Date.now()}`;
    /** a draft made through the front (round robin: half of them land on A, until it dies) */
    const write = async (n: number) => {
      const res = await fetch(`${front.url}/api/v1/admin/articles`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          title: `${run} 写入 ${n}`,
          categoryId: category.id,
          body: {
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }],
          },
        }),
      });
      // a 201 whose body was cut off (A killed between the answer's head and its end: nginx passes the
      // head on, then closes) carries no id: the write was committed before the answer began
      const body = (await res.json().catch(() => null)) as { publicId?: string } | null;
      return { n, status: res.status, publicId: body?.publicId };
    };
    const statuses: number[] = [];
    const writes: Promise<{ n: number; status: number; publicId?: string }>[] = [];
    let killed: Promise<number | null> | null = null;
    for (let i = 0; i < 200; i++) {
      if (i === 50) killed = a.stop("SIGKILL");
      // writes run beside the reads, so some are in flight on A when it dies
      if (i % 4 === 0) writes.push(write(i / 4));
      // the article (mostly the front's micro-cache, refreshed from an upstream every second) and
      // the health check (never cached by the front: every one goes to an upstream, round robin)
      const res = await fetch(`${front.url}${i % 2 ? "/api/health" : path}`);
      statuses.push(res.status);
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 15));
    }
    await killed;
    expect(a.child.exitCode !== null || a.child.signalCode !== null).toBe(true);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // an accepted write (201 with its id) is in PostgreSQL; one that was refused (a request in
    // flight on A when it died: 502, never retried for a POST) may or may not be, and says so
    const done = await Promise.all(writes);
    const accepted = done.filter((w) => w.status === 201 && w.publicId);
    const cutOff = done.filter((w) => w.status === 201 && !w.publicId);
    const { rows } = await db.query<{ publicId: string; title: string }>(
      `SELECT "publicId", title FROM articles WHERE title LIKE $1`,
      [`${run} %`],
    );
    const stored = new Map(rows.map((r) => [r.publicId, r.title]));
    console.log(
      `[two instances] A killed mid-traffic: ${statuses.length} reads all 200; writes ${done.length}: ` +
        `${accepted.length} accepted (201), ${cutOff.length} accepted with the answer cut off, ` +
        `others ${JSON.stringify(done.filter((w) => w.status !== 201).map((w) => w.status))}; ` +
        `${rows.length} drafts in PostgreSQL`,
    );
    // only those in flight on A when it died may fail
    expect(accepted.length).toBeGreaterThan(done.length / 2);
    for (const w of accepted) expect(stored.get(w.publicId!)).toBe(`${run} 写入 ${w.n}`);
    // a 201 is only sent once the transaction has committed, cut off or not
    const titles = new Set(rows.map((r) => r.title));
    for (const w of cutOff) expect(titles.has(`${run} 写入 ${w.n}`)).toBe(true);
    // nothing was written twice (a retried POST would be)
    expect(titles.size).toBe(rows.length);
  });
});
