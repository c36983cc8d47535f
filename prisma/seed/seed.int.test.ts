/**
 * The demo seed against a real database of its own: complete, consistent and idempotent.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { segmentQuery } from "@/lib/search/segment";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let url: string;
let client: pg.Client;

const seed = () =>
  run(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "prisma/seed/index.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, UPLOAD_DIR: path.join(root, ".data/test-uploads") },
  });
const one = async (q: string, params: unknown[] = []) => (await client.query(q, params)).rows[0];

beforeAll(async () => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = "/byline_test_seed";
  url = u.toString();
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS "byline_test_seed" WITH (FORCE)');
  await admin.query('CREATE DATABASE "byline_test_seed"');
  await admin.end();
  await run(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  });
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 120_000);

afterAll(async () => client?.end());

describe("demo seed", () => {
  it("creates the 11 categories, 40+ published articles, a third of them translations", async () => {
    const first = await seed();
    expect(first.stdout).toMatch(/seed: 11 categories/);
    expect((await one("SELECT count(*)::int AS n FROM categories")).n).toBe(11);
    const { published, translated } = await one(
      `SELECT count(*)::int AS published, count(*) FILTER (WHERE "sourceUrl" IS NOT NULL)::int AS translated
       FROM articles WHERE status = 'PUBLISHED' AND "publishedAt" <= now()`,
    );
    expect(published).toBeGreaterThanOrEqual(40);
    expect(translated * 3).toBeGreaterThanOrEqual(published);
    const incomplete = await one(
      `SELECT count(*)::int AS n FROM articles WHERE "sourceUrl" IS NOT NULL AND ("sourceTitle" IS NULL OR "sourceAuthor" IS NULL
       OR "sourceSite" IS NULL OR "sourcePublishedAt" IS NULL OR "translatorId" IS NULL)`,
    );
    expect(incomplete.n).toBe(0);
    expect(
      (await one("SELECT count(*)::int AS n FROM articles WHERE status = 'IN_REVIEW'")).n,
    ).toBeGreaterThan(0);
    expect((await one("SELECT count(*)::int AS n FROM comments WHERE status = 'PENDING'")).n).toBeGreaterThan(
      0,
    );
    expect(
      (await one("SELECT count(*)::int AS n FROM comments WHERE status = 'APPROVED'")).n,
    ).toBeGreaterThan(0);
    // the correction log has entries on live articles, none dated before its article or in the future
    const log = await one(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE k."createdAt" < a."publishedAt" OR k."createdAt" > now())::int AS bad
       FROM article_corrections k JOIN articles a ON a.id = k."articleId" AND a.status = 'PUBLISHED'`,
    );
    expect(log).toEqual({ n: 4, bad: 0 });
    // threat entities: at least 40, each with an alias; APT29 is found by its other names
    const entities = await one(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM tag_aliases x WHERE x."tagId" = t.id))::int AS bare
       FROM tags t WHERE t.kind <> 'TOPIC'`,
    );
    expect(entities.n).toBeGreaterThanOrEqual(40);
    expect(entities.bare).toBe(0);
    const apt29 = await client.query(
      `SELECT t.slug FROM tag_aliases x JOIN tags t ON t.id = x."tagId" WHERE x.key = ANY($1)`,
      [["cozy bear", "midnight blizzard", "舒适熊"]],
    );
    expect(apt29.rows.map((r) => r.slug)).toEqual(["apt29", "apt29", "apt29"]);
  }, 120_000);

  it("gives every role a demo account with an argon2id hash and a public profile", async () => {
    const { rows } = await client.query(
      `SELECT u.role, u."passwordHash", p."publicId" FROM users u JOIN profiles p ON p."userId" = u.id`,
    );
    expect(new Set(rows.map((r) => r.role))).toEqual(
      new Set(["READER", "CONTRIBUTOR", "TRANSLATOR", "EDITOR", "ADMIN"]),
    );
    for (const r of rows) expect(r.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("stores sanitised HTML and a search vector for every article", async () => {
    expect(
      (await one(`SELECT count(*)::int AS n FROM articles WHERE "searchVector" IS NULL OR "bodyHtml" = ''`))
        .n,
    ).toBe(0);
    expect(
      (await one(`SELECT count(*)::int AS n FROM articles WHERE "bodyHtml" ~* '<script|javascript:'`)).n,
    ).toBe(0);
  });

  it("makes published bodies findable by a Chinese word", async () => {
    const words = segmentQuery("漏洞");
    const hit = await one(
      `SELECT count(*)::int AS n FROM articles WHERE status = 'PUBLISHED' AND "searchVector" @@ websearch_to_tsquery('simple', $1)`,
      [words.join(" ")],
    );
    expect(hit.n).toBeGreaterThan(0);
  });

  it("is idempotent: a second run creates nothing and changes no counts", async () => {
    const before = await one(
      `SELECT (SELECT count(*) FROM articles)::int a, (SELECT count(*) FROM comments)::int c, (SELECT count(*) FROM users)::int u, (SELECT count(*) FROM media)::int m`,
    );
    const second = await seed();
    expect(second.stdout).toMatch(/ 0\/\d+ articles created, 0\/\d+ comments created/);
    expect(second.stdout).toMatch(/ 0\/4 corrections created/);
    const after = await one(
      `SELECT (SELECT count(*) FROM articles)::int a, (SELECT count(*) FROM comments)::int c, (SELECT count(*) FROM users)::int u, (SELECT count(*) FROM media)::int m`,
    );
    expect(after).toEqual(before);
  }, 120_000);
});
