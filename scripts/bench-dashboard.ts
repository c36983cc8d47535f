/**
 * npm run bench:dashboard — the admin dashboard's server time over 10,000 articles and 100,000
 * ArticleViewDay rows spread over 90 Beijing days (issue 14 goal: under 300 ms on a cache miss).
 * Fills (once) byline_bench_dashboard with rows of its own (no demo seed: the figures need
 * volume, not content), then calls the real service. It caches nothing, so every call is a miss
 * of any application cache (PostgreSQL's buffers are warm after the first, as on a live server).
 * Prints figures; asserts nothing. BENCH_DASHBOARD_INDEX=1 adds a covering index on
 * article_view_days (day) INCLUDE ("articleId", views) first, to compare; =0 drops it again.
 */
import os from "node:os";
import pg from "pg";
import type { Actor } from "@/lib/authz";

const ARTICLES = 10_000;
const VIEW_ROWS = 100_000;
const DAYS = 90;
const RUNS = 30;
const INDEX = "bench_article_view_days_day_covering";

// mulberry32: deterministic, so every run measures the same data
let seed = 11;
const rand = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};

/** An admin, an editor (the articles' author) and a dozen categories, when the database has none. */
async function fillBase(c: pg.Client) {
  for (const role of ["ADMIN", "EDITOR"]) {
    const id = `bench-dash-${role.toLowerCase()}`;
    await c.query(
      `INSERT INTO users (id, email, "passwordHash", role, "updatedAt")
       SELECT $1, $1 || '@bench.local', 'not-a-hash', $2::"Role", now()
       WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = $2::"Role")`,
      [id, role],
    );
    await c.query(
      `INSERT INTO profiles ("userId", "publicId", "displayName", "updatedAt")
       SELECT id, left(id, 12), '压测' || $2, now() FROM users WHERE id = $1 ON CONFLICT DO NOTHING`,
      [id, role],
    );
  }
  await c.query(
    `INSERT INTO categories (slug, name, position, "updatedAt")
     SELECT 'bench-' || g, '压测分类' || g, g, now() FROM generate_series(1, 12) g
     WHERE NOT EXISTS (SELECT 1 FROM categories)`,
  );
}

/** 20,000 comments in every state (most approved) and 500 open reports, for the queue counts. */
async function fillComments(c: pg.Client) {
  const { rows } = await c.query(`SELECT count(*)::int AS n FROM comments`);
  if (rows[0].n >= 20_000) return;
  await c.query(
    `INSERT INTO comments (id, "articleId", "authorId", body, status, "updatedAt")
     SELECT 'bench-dash-c' || g, (SELECT id FROM articles ORDER BY id OFFSET g % 1000 LIMIT 1),
       (SELECT id FROM users WHERE role = 'ADMIN' LIMIT 1), '压测评论 ' || g,
       (ARRAY['APPROVED','APPROVED','APPROVED','APPROVED','PENDING','SPAM','REJECTED','DELETED'])[1 + g % 8]::"CommentStatus", now()
     FROM generate_series(1, 20000 - $1::int) g`,
    [rows[0].n],
  );
  await c.query(
    `INSERT INTO comment_reports (id, "commentId", "reporterId", reason)
     SELECT 'bench-dash-r' || g, 'bench-dash-c' || (g * 37), (SELECT id FROM users WHERE role = 'EDITOR' LIMIT 1), 'spam'
     FROM generate_series(1, 500) g ON CONFLICT DO NOTHING`,
  );
}

async function fillArticles(c: pg.Client) {
  const { rows } = await c.query(`SELECT count(*)::int AS n FROM articles`);
  const missing = ARTICLES - rows[0].n;
  if (missing <= 0) return;
  const { rows: meta } = await c.query(
    `SELECT (SELECT id FROM users WHERE role = 'EDITOR' LIMIT 1) AS author, (SELECT array_agg(id) FROM categories) AS cats`,
  );
  const { author, cats } = meta[0] as { author: string; cats: number[] };
  // mostly published, like a newsroom's archive; a few of each other state and flag
  const statuses = [
    "PUBLISHED",
    "PUBLISHED",
    "PUBLISHED",
    "PUBLISHED",
    "PUBLISHED",
    "PUBLISHED",
    "DRAFT",
    "IN_REVIEW",
    "ARCHIVED",
    "SCHEDULED",
  ];
  console.log(`generating ${missing} articles…`);
  for (let done = 0; done < missing; done += 1000) {
    const n = Math.min(1000, missing - done);
    await c.query(
      `INSERT INTO articles (id, "publicId", title, "bodyJson", status, "publishedAt", "scheduledAt",
         "isContribution", "sourceChangedAt", "missedScheduleAt", "authorId", "categoryId", "updatedAt")
       SELECT 'bench-dash-' || ($1::int + g), 'bd' || to_hex($1::int + g), '概览压测文章 ' || ($1::int + g),
         '{"type":"doc","content":[]}'::jsonb, s.status::"ArticleStatus",
         CASE WHEN s.status IN ('PUBLISHED', 'ARCHIVED') THEN now() - (g % 400) * interval '1 day' END,
         CASE WHEN s.status = 'SCHEDULED' THEN now() + (g % 30) * interval '1 day' END,
         s.status = 'IN_REVIEW' AND g % 3 = 0,
         CASE WHEN s.status = 'PUBLISHED' AND g % 97 = 0 THEN now() END,
         CASE WHEN s.status = 'PUBLISHED' AND g % 211 = 0 THEN now() - (g % 400) * interval '1 day' END,
         $2, ($3::int[])[1 + g % cardinality($3::int[])], now()
       FROM generate_series(1, $4::int) g
       CROSS JOIN LATERAL (SELECT ($5::text[])[1 + (g * 7) % cardinality($5::text[])] AS status) s`,
      [done, author, cats, n, statuses],
    );
  }
}

/** 10 distinct days of the last 90 per article (offsets k·9 + a·7 mod 90): 100,000 unique rows. */
async function fillViews(c: pg.Client) {
  const { rows } = await c.query(`SELECT count(*)::int AS n FROM article_view_days`);
  if (rows[0].n >= VIEW_ROWS) return;
  await c.query(`TRUNCATE article_view_days`);
  const { rows: ids } = await c.query<{ id: string }>(`SELECT id FROM articles ORDER BY id LIMIT $1`, [
    ARTICLES,
  ]);
  const perArticle = Math.ceil(VIEW_ROWS / ids.length);
  console.log(`generating ${VIEW_ROWS} view rows over ${DAYS} days…`);
  const today = Date.parse(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  let made = 0;
  for (let start = 0; start < ids.length && made < VIEW_ROWS; start += 1000) {
    const article: string[] = [];
    const day: string[] = [];
    const views: number[] = [];
    for (let a = start; a < Math.min(start + 1000, ids.length); a++) {
      for (let k = 0; k < perArticle && made < VIEW_ROWS; k++, made++) {
        article.push(ids[a]!.id);
        day.push(new Date(today - ((k * 9 + a * 7) % DAYS) * 86_400_000).toISOString().slice(0, 10));
        views.push(1 + rand(500));
      }
    }
    await c.query(
      `INSERT INTO article_view_days ("articleId", day, views)
       SELECT * FROM unnest($1::text[], $2::date[], $3::int[])`,
      [article, day, views],
    );
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const ms = (n: number) => n.toFixed(1).padStart(8);

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: connections, plans, buffers
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)}${ms(pct(t, 0.5))}${ms(pct(t, 0.95))}${ms(t.at(-1)!)}`);
  return t;
}

async function main() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await fillBase(c);
  await fillArticles(c);
  await fillViews(c);
  await fillComments(c);
  if (process.env.BENCH_DASHBOARD_INDEX === "1")
    await c.query(
      `CREATE INDEX IF NOT EXISTS ${INDEX} ON article_view_days (day) INCLUDE ("articleId", views)`,
    );
  if (process.env.BENCH_DASHBOARD_INDEX === "0") await c.query(`DROP INDEX IF EXISTS ${INDEX}`);
  await c.query(`VACUUM ANALYZE articles, article_view_days, comments, comment_reports`);
  const { rows: sizes } = await c.query(
    `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM article_view_days)::int AS views,
            (SELECT count(*) FROM comments)::int AS comments,
            EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = '${INDEX}') AS covering`,
  );
  const { rows: admins } = await c.query(
    `SELECT u.id, p."displayName", p."publicId" FROM users u JOIN profiles p ON p."userId" = u.id WHERE u.role = 'ADMIN' LIMIT 1`,
  );
  const admin: Actor = {
    id: admins[0].id,
    role: "ADMIN",
    status: "ACTIVE",
    displayName: admins[0].displayName,
    publicId: admins[0].publicId,
  };

  const { getDashboard } = await import("@/lib/services/admin/dashboard/get-dashboard");
  const { loadWorkCounts } = await import("@/lib/services/admin/dashboard/work-counts");
  const { loadViewStats } = await import("@/lib/services/admin/dashboard/view-stats");
  const s = sizes[0];
  console.log(
    `\ndashboard over ${s.articles.toLocaleString()} articles, ${s.views.toLocaleString()} view rows (${DAYS} days), ` +
      `${s.comments.toLocaleString()} comments; covering index: ${s.covering ? "yes" : "no"}; ${RUNS} runs each after 3 warm-ups\n`,
  );
  console.log(`${"".padEnd(34)}  p50 ms  p95 ms  max ms`);
  const all = await time("getDashboard (whole service)", () => getDashboard(admin));
  await time("  work counts (2 statements)", () => loadWorkCounts(new Date()));
  await time("  view stats (2 statements)", () => loadViewStats(new Date()));
  const d = await getDashboard(admin);
  console.log(
    `\n30-day views ${d.days.reduce((a, x) => a + x.views, 0).toLocaleString()}, top-7 article ${d.top.d7.articles[0]?.views ?? 0} views, ` +
      `published ${d.articles.PUBLISHED.toLocaleString()}`,
  );
  console.log(`goal: p95 < 300 ms server time on a cache miss → ${pct(all, 0.95) < 300 ? "met" : "NOT met"}`);
  console.log(
    `machine: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  await c.end();
  process.exit(0);
}

await main();
