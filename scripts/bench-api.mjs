#!/usr/bin/env node
// npm run bench:api: the Content API article list over 10,000 published articles against the
// cached HTML page that lists the same first page, the home page (its river: the 20 newest articles;
// /latest and /category/… stream their list per request and are never served from the page cache).
// One run, one server (scripts/lib/bench-server.mjs, database byline_bench_api: the demo seed plus
// synthetic articles up to 10,000 published). Rows: (a) the home page, (b) GET
// /api/v1/articles?limit=20, (c) the list from a cursor half-way down, by category, by tag; req/s,
// p50, p99, the share of answers other than 200, and (b)/(a).
//
// The Content API allows 120 requests a minute per client address (lib/api/respond.ts). wrk from one
// address would measure 429s, so the server trusts one proxy hop (TRUST_PROXY_HOPS=1) and every wrk
// request names another client in X-Forwarded-For (20,000 addresses, each well under its budget):
// the limiter does its real work per request, as for many clients behind our own front.
// Needs wrk (apt-get install wrk). Prints figures; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

process.env.BENCH_DURATION ??= "10s";
const { benchTarget } = await import("./lib/bench-server.mjs");
const { machineLoad, rawGet, requireTools, wrk, wrkArgs } = await import("./lib/bench-wrk.mjs");
const { step } = await import("./lib/run.mjs");

const PUBLISHED = Number(process.env.BENCH_ARTICLES ?? 10_000);
/** What clients send (browsers, fetch): each row is measured with it. */
const ENCODING = "gzip, br";
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

await requireTools(["wrk"]);
const machine = machineLoad();
const target = await benchTarget({
  database: "byline_bench_api",
  env: { TRUST_PROXY_HOPS: "1" },
  prepare: fill,
});
try {
  if (!target.own) throw new Error("bench:api needs its own server (unset BASE_URL): it fills the database");
  await main(target);
} finally {
  await target.stop();
}
machine.report();

/**
 * Synthetic published articles, by SQL, until the database holds PUBLISHED of them: the demo's
 * categories (round robin), authors, translators (every third a translation) and two tags each.
 * @param {string} databaseUrl
 */
async function fill(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM articles WHERE status = 'PUBLISHED'`);
    const missing = PUBLISHED - rows[0].n;
    if (missing > 0) {
      step("bench", `adding ${missing} published articles`);
      const { rows: existing } = await db.query(
        `SELECT count(*)::int AS n FROM articles WHERE id LIKE 'bench-api-%'`,
      );
      await db.query(
        `WITH meta AS (
           SELECT (SELECT array_agg(id ORDER BY id) FROM categories) AS cats,
                  (SELECT array_agg(id ORDER BY id) FROM users WHERE role IN ('EDITOR', 'ADMIN')) AS authors,
                  (SELECT array_agg(id ORDER BY id) FROM users WHERE role = 'TRANSLATOR') AS translators)
         INSERT INTO articles (id, "publicId", title, lede, "bodyJson", "bodyHtml", "bodyText", status,
           "publishedAt", "authorId", "translatorId", "sourceUrl", "categoryId", "viewCount", "updatedAt")
         SELECT 'bench-api-' || n, 'ba' || to_hex(n), '压测文章 ' || n || '：某厂商修复远程代码执行漏洞',
           '研究人员披露了一个影响广泛的漏洞，攻击者可借此在未经身份验证的情况下执行任意代码。厂商已发布补丁，建议尽快升级。（第 ' || n || ' 篇）',
           '{"type":"doc","content":[]}'::jsonb, '<p>正文</p>', '正文', 'PUBLISHED',
           now() - interval '1 hour' - n * interval '47 minutes',
           m.authors[1 + n % cardinality(m.authors)],
           CASE WHEN n % 3 = 0 THEN m.translators[1 + n % cardinality(m.translators)] END,
           CASE WHEN n % 3 = 0 THEN 'https://example.com/advisory/' || n END,
           m.cats[1 + n % cardinality(m.cats)], n % 997, now()
         FROM meta m, generate_series($1::int + 1, $1::int + $2::int) n`,
        [existing[0].n, missing],
      );
      await db.query(
        `INSERT INTO article_tags ("articleId", "tagId")
         SELECT a.id, t.ids[1 + (k + substr(a.id, 11)::int) % cardinality(t.ids)]
         FROM articles a, (SELECT array_agg(id ORDER BY id) AS ids FROM tags) t, generate_series(0, 1) k
         WHERE a.id LIKE 'bench-api-%' ON CONFLICT DO NOTHING`,
      );
    }
    await db.query(`VACUUM ANALYZE articles, article_tags`);
  } finally {
    await db.end();
  }
}

/** The filters' values and a cursor half-way down the list, from the database. */
async function listUrls(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const visible = `a.status = 'PUBLISHED' AND a."publishedAt" <= now()`;
    const { rows: counts } = await db.query(`SELECT count(*)::int AS n FROM articles a WHERE ${visible}`);
    const { rows: deep } = await db.query(
      `SELECT "publishedAt", "publicId" FROM articles a WHERE ${visible}
       ORDER BY "publishedAt" DESC, "publicId" DESC OFFSET $1 LIMIT 1`,
      [Math.floor(counts[0].n / 2)],
    );
    const { rows: category } = await db.query(
      `SELECT c.slug, count(*)::int AS n FROM articles a JOIN categories c ON c.id = a."categoryId"
       WHERE ${visible} GROUP BY c.slug ORDER BY n DESC, c.slug LIMIT 1`,
    );
    const { rows: tag } = await db.query(
      `SELECT t.slug, count(*)::int AS n FROM article_tags x JOIN tags t ON t.id = x."tagId"
       JOIN articles a ON a.id = x."articleId" WHERE ${visible} GROUP BY t.slug ORDER BY n DESC, t.slug LIMIT 1`,
    );
    // lib/services/public/cursor.ts encodeCursor
    const cursor = `${deep[0].publishedAt.getTime().toString(36)}.${deep[0].publicId}`;
    return {
      published: counts[0].n,
      rows: [
        ["(a) HTML home page", "/"],
        ["(b) API first page", "/api/v1/articles?limit=20"],
        [`(c) API cursor at ${Math.floor(counts[0].n / 2)}`, `/api/v1/articles?limit=20&cursor=${cursor}`],
        [
          `(c) API category (${category[0].n})`,
          `/api/v1/articles?limit=20&category=${encodeURIComponent(category[0].slug)}`,
        ],
        [`(c) API tag (${tag[0].n})`, `/api/v1/articles?limit=20&tag=${encodeURIComponent(tag[0].slug)}`],
      ],
    };
  } finally {
    await db.end();
  }
}

/** A wrk script: every request from another client address, through the one trusted hop. */
function clientsScript() {
  const file = path.join(os.tmpdir(), `byline-bench-api-${process.pid}.lua`);
  fs.writeFileSync(
    file,
    `local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
function request()
  n = n + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", id, math.floor(n / 100) % 100, n % 100)
  return wrk.format(nil, nil, headers)
end
`,
  );
  return file;
}

async function main({ base, databaseUrl }) {
  // pages rendered by the build hold its database's articles: start from this one's
  await target.invalidate?.(["articles"]);
  const { published, rows } = await listUrls(databaseUrl);
  const script = clientsScript();
  const results = [];
  try {
    for (const [name, p] of rows) {
      const ask = () =>
        rawGet(`${base}${p}`, { "accept-encoding": ENCODING, "x-forwarded-for": "192.0.2.1" });
      for (let i = 0; i < 3; i++) await ask();
      const probe = await ask();
      if (probe.status !== 200) throw new Error(`${p}: HTTP ${probe.status} ${probe.body.toString()}`);
      step("bench", name);
      const measured = await wrk(`${base}${p}`, { headers: [`Accept-Encoding: ${ENCODING}`], script });
      results.push({ name, path: p, ...measured, probe, after: await ask() });
    }
  } finally {
    fs.rmSync(script, { force: true });
  }
  console.log(
    `\n${published.toLocaleString()} published articles; ${wrkArgs}, Accept-Encoding: ${ENCODING}, ` +
      `each request from another client address (X-Forwarded-For, TRUST_PROXY_HOPS=1)\n`,
  );
  console.log(
    "row                         req/s   p50 ms   p99 ms   ×(a)   requests  non-200   sent     KB  cache before→after",
  );
  const html = results[0];
  for (const r of results) {
    console.log(
      [
        r.name.padEnd(25),
        fmt(r.rps, 0).padStart(8),
        fmt(r.p50, 2).padStart(9),
        fmt(r.p99, 2).padStart(9),
        fmt(r.rps / html.rps, 2).padStart(7),
        String(r.requests).padStart(11),
        `${fmt((100 * r.errors) / Math.max(1, r.requests), 2)} %`.padStart(9),
        `   ${(r.probe.headers["content-encoding"] ?? "-").padEnd(6)}`,
        fmt(r.probe.body.length / 1024, 1).padStart(5),
        `  ${r.probe.headers["x-byline-cache"] ?? "-"}→${r.after.headers["x-byline-cache"] ?? "-"}`,
        r.after.status === 200 ? "" : `  (after: HTTP ${r.after.status})`,
      ].join(""),
    );
  }
  for (const r of results) console.log(`  ${r.name}: ${r.path}`);
  console.log(
    `\n(b)/(a): ${fmt(results[1].rps / html.rps, 2)} (the issue asks for ≥ 0.5); non-200 answers are counted by wrk ` +
      `(non-2xx/3xx and timeouts): a 429 would show there`,
  );
}
