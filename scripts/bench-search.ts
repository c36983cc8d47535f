/**
 * npm run bench:search — full-text search latency over 10,000 published articles.
 * Builds (once) a database `byline_bench` with the demo seed plus synthetic articles whose text is
 * drawn from jieba's dictionary, then times the real search service (uncached) for Chinese and
 * English queries. Prints figures; asserts nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";

const TARGET = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = 30;
const require = createRequire(import.meta.url);

async function main() {
  const url = process.env.DATABASE_URL!;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM articles WHERE status = 'PUBLISHED'`);
  if (rows[0].n < TARGET) await fill(client, TARGET - rows[0].n);
  await client.query("VACUUM ANALYZE articles");
  await client.end();

  const { searchArticles } = await import("@/lib/services/public/search-articles");
  const queries = [
    "漏洞",
    "勒索软件",
    "攻击者",
    "数据",
    "执法",
    "供应链",
    "Kerberos",
    "ransomware",
    "漏洞 利用",
    "云安全 配置",
  ];
  console.log(
    `\nsearch over ${TARGET.toLocaleString()}+ published articles, ${RUNS} runs per query (uncached service call)\n`,
  );
  console.log("query              hits     p50 ms   p95 ms   max ms");
  const all: number[] = [];
  for (const q of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = await searchArticles({ q, page: 1 + (i % 3) });
      times.push(performance.now() - t0);
      hits = r.total;
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    console.log(
      `${q.padEnd(18)}${String(hits).padStart(5)}${pct(0.5).toFixed(1).padStart(11)}${pct(0.95).toFixed(1).padStart(9)}${times.at(-1)!.toFixed(1).padStart(9)}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `\nall queries: p50 ${all[Math.floor(all.length / 2)]!.toFixed(1)} ms, p95 ${all[Math.floor(all.length * 0.95)]!.toFixed(1)} ms`,
  );
  process.exit(0);
}

/** Synthetic articles: sentences of real dictionary words, so segmentation and ranking do real work. */
async function fill(client: pg.Client, count: number) {
  const { segmentForIndex } = await import("@/lib/search/segment");
  const dict = fs.readFileSync(
    path.join(path.dirname(require.resolve("@node-rs/jieba/package.json")), "dict.txt"),
    "utf8",
  );
  const words = dict
    .split("\n")
    .map((l) => l.split(" "))
    .filter((p) => p[0] && Number(p[1]) > 2000)
    .map((p) => p[0]!);
  const security = [
    "漏洞",
    "勒索软件",
    "攻击者",
    "数据泄露",
    "执法",
    "供应链",
    "云安全",
    "Kerberos",
    "ransomware",
    "phishing",
    "零日",
    "补丁",
  ];
  // mulberry32: deterministic and well mixed (an LCG's low bits would starve some words)
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  // each article is "about" two topic words, like real coverage: a topic word then matches ~1/6 of the corpus
  let topics: string[] = [];
  const sentence = (n: number) =>
    Array.from({ length: n }, () =>
      rand(10) === 0 ? topics[rand(topics.length)] : words[rand(words.length)],
    ).join("") + "。";
  const { rows: meta } = await client.query(
    `SELECT (SELECT id FROM users WHERE role='EDITOR' LIMIT 1) AS author, (SELECT array_agg(id) FROM categories) AS cats`,
  );
  const { author, cats } = meta[0] as { author: string; cats: number[] };
  console.log(`generating ${count} synthetic articles…`);
  const BATCH = 500;
  for (let done = 0; done < count; done += BATCH) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = 0; i < Math.min(BATCH, count - done); i++) {
      const n = done + i;
      topics = [security[rand(security.length)]!, security[rand(security.length)]!];
      const title = sentence(6).slice(0, 60);
      const lede = sentence(12);
      const body = Array.from({ length: 8 }, () => sentence(14)).join("\n");
      const p = values.length;
      values.push(
        `bench-${n}-${Date.now()}`,
        `b${n.toString(36)}${rand(1e6).toString(36)}`.slice(0, 16),
        title,
        lede,
        `<p>${body}</p>`,
        body,
        author,
        cats[n % cats.length],
        segmentForIndex(title),
        segmentForIndex(lede),
        segmentForIndex(body),
        new Date(Date.now() - rand(400) * 86_400_000),
      );
      tuples.push(
        `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, '{"type":"doc","content":[]}'::jsonb, $${p + 5}, $${p + 6}, 'PUBLISHED', $${p + 12}, $${p + 7}, $${p + 8}, now(),
          setweight(to_tsvector('simple', $${p + 9}), 'A') || setweight(to_tsvector('simple', $${p + 10}), 'B') || setweight(to_tsvector('simple', $${p + 11}), 'C'))`,
      );
    }
    await client.query(
      `INSERT INTO articles (id, "publicId", title, lede, "bodyJson", "bodyHtml", "bodyText", status, "publishedAt", "authorId", "categoryId", "updatedAt", "searchVector") VALUES ${tuples.join(",")}`,
      values,
    );
    process.stdout.write(`\r  ${Math.min(done + BATCH, count)}/${count}`);
  }
  process.stdout.write("\n");
}

await main();
