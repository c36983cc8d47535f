// npm run bench:visibility: how long after an editor's change a signed-out reader sees it, read
// through the in-process page cache (the server alone) and through deploy/nginx.conf in front of
// it (issue 12: within 1 second through both). Three changes, each made the way an editor makes
// it, by the server action the admin UI calls, on pages the caches hold before the change:
//   approve  a pending comment              → the article page shows it
//   publish  a draft (a new title each time) → the home page lists it, its page answers 200
//   unpublish that article (a takedown)      → the home page drops it, its page answers 404
// Readers ask every 25 ms from the moment the action is sent; a figure is the time from the
// action's answer (what the editor sees as done) to the first answer showing the change.
// Prints figures, asserts nothing. BENCH_TRIALS (default 10) trials of each change.
import zlib from "node:zlib";
import pg from "pg";
import { actionIdIn } from "@/lib/test/action-manifest";
import { callAction, signIn } from "@/lib/test/fault-actions";
import { benchTarget } from "./lib/bench-server.mjs";
import { machineLoad, rawGet } from "./lib/bench-wrk.mjs";
import { startFront } from "./lib/nginx-front.mjs";
import { step } from "./lib/run.mjs";

const TRIALS = Math.max(1, Number(process.env.BENCH_TRIALS ?? 10));
const POLL_MS = 25;
const GIVE_UP_MS = 15_000;
const ACCEPT = { "accept-encoding": "gzip, br" };
const dist = process.env.NEXT_DIST_DIR || ".next";

type Answer = { status: number; text: string; cache: string };
type Seen = { ms: number; cache: string } | null;
type Trial = { action: number; app: Seen; front: Seen };

async function read(url: string): Promise<Answer> {
  const res = await rawGet(url, ACCEPT);
  const encoding = res.headers["content-encoding"];
  const body =
    encoding === "br"
      ? zlib.brotliDecompressSync(res.body)
      : encoding === "gzip"
        ? zlib.gunzipSync(res.body)
        : res.body;
  const cache = [res.headers["x-cache-status"], res.headers["x-byline-cache"]].filter(Boolean).join("/");
  return { status: res.status ?? 0, text: body.toString("utf8"), cache };
}

/** Asks `url` until `shows` holds (or GIVE_UP_MS); the time it first held, from `since()`. */
async function watch(url: string, shows: (a: Answer) => boolean, since: () => number): Promise<Seen> {
  const until = performance.now() + GIVE_UP_MS;
  while (performance.now() < until) {
    const answer = await read(url);
    if (shows(answer)) return { ms: Math.max(0, performance.now() - since()), cache: answer.cache };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return null;
}

/** Until both caches hold `path` as it is now (the state a reader meets before the change). */
async function warm(bases: { app: string; front: string }, path: string, holds: (a: Answer) => boolean) {
  for (const [base, header] of [
    [bases.app, "HIT"],
    [bases.front, "HIT/"],
  ] as const) {
    const until = Date.now() + GIVE_UP_MS;
    for (;;) {
      const a = await read(`${base}${path}`);
      if (holds(a) && a.cache.startsWith(header)) break;
      if (Date.now() > until) throw new Error(`${base}${path} never became a cache hit (last: ${a.cache})`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}

type Watch = { path: string; shows: (a: Answer) => boolean };

/** Sends the action while readers watch each page through both paths; one Trial per page. */
async function trial(
  bases: { app: string; front: string },
  watches: Watch[],
  act: () => Promise<{ ok?: boolean; status: number; body: string }>,
): Promise<Trial[]> {
  let answeredAt = Number.POSITIVE_INFINITY;
  const since = () => answeredAt;
  const watching = Promise.all(
    watches.map(({ path, shows }) =>
      Promise.all([watch(`${bases.app}${path}`, shows, since), watch(`${bases.front}${path}`, shows, since)]),
    ),
  );
  const sentAt = performance.now();
  const res = await act();
  answeredAt = performance.now();
  if (res.status !== 200 || res.ok !== true)
    throw new Error(`the action failed: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  return (await watching).map(([app, front]) => ({ action: answeredAt - sentAt, app, front }));
}

const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

function row(label: string, trials: Trial[]) {
  const cell = (seen: Seen[]) => {
    const ms = seen.filter((s): s is NonNullable<Seen> => s !== null).map((s) => s.ms);
    const within = ms.filter((m) => m <= 1_000).length;
    const missed = seen.length - ms.length;
    return `p50 ${pct(ms, 0.5).toFixed(0).padStart(5)} ms, p90 ${pct(ms, 0.9).toFixed(0).padStart(5)}, max ${Math.max(
      ...ms,
    )
      .toFixed(0)
      .padStart(
        5,
      )}, ≤ 1 s ${within}/${seen.length}${missed ? ` (${missed} never seen in ${GIVE_UP_MS / 1000} s)` : ""}`;
  };
  const actions = trials.map((t) => t.action);
  console.log(
    `${label.padEnd(26)} | ${cell(trials.map((t) => t.app)).padEnd(52)} | ${cell(trials.map((t) => t.front)).padEnd(52)} | ${pct(actions, 0.5).toFixed(0)} ms`,
  );
}

const machine = machineLoad();
// a database of its own: the changes below (comments, a republished article) stay out of `npm run bench`'s pages
const target = await benchTarget({ database: "byline_bench_visibility" });
if (!target.own || !target.databaseUrl)
  throw new Error("bench:visibility changes content: it runs on a server of its own (unset BASE_URL)");
const front = await startFront({ upstream: new URL(target.base).host });
const db = new pg.Client({ connectionString: target.databaseUrl });
await db.connect();
try {
  const bases = { app: target.base, front: front.url };
  const srv = { base: target.base, origin: target.site };
  const editor = await signIn(srv, "EDITOR");
  // each action through the page the admin UI calls it from
  const action = (pagePath: string, file: string, name: string, args: unknown[]) =>
    callAction(srv, { pagePath, id: actionIdIn(dist, file, name), args, cookie: editor });
  const moderate = (ids: string[]) =>
    action("/admin/comments", "app/(admin)/admin/comments/actions.ts", "moderateCommentsAction", [
      { ids, decision: "approve" },
    ]);
  const articleAction = (name: string, input: object) =>
    action("/editor/articles", "app/(editor)/editor/articles/actions.ts", name, [input]);

  // the two newest published articles: one takes the comments, the other is unpublished and published again
  const { rows: newest } = await db.query<{
    id: string;
    publicId: string;
    title: string;
    authorId: string;
    publishedAt: Date;
  }>(
    `SELECT id, "publicId", title, "authorId", "publishedAt" FROM articles WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL
     ORDER BY "publishedAt" DESC, id LIMIT 2`,
  );
  const [commented, moved] = newest;
  if (!commented || !moved) throw new Error("the bench's database has fewer than two published articles");
  const run = `${Date.now().toString(36)}`;

  const results = new Map<string, Trial[]>();
  const record = (labels: string[], trials: Trial[]) =>
    labels.forEach((label, i) => results.set(label, [...(results.get(label) ?? []), trials[i]!]));

  step("bench", `approve: ${TRIALS} comments on /posts/${commented.publicId}`);
  try {
    for (let i = 0; i < TRIALS; i++) {
      const body = `可见性基准评论 ${run}-${i}`;
      const id = `benchvis${run}${i}`;
      await db.query(
        `INSERT INTO comments (id, "articleId", "authorId", body, status, "updatedAt") VALUES ($1, $2, $3, $4, 'PENDING', now())`,
        [id, commented.id, commented.authorId, body],
      );
      const path = `/posts/${commented.publicId}`;
      await warm(bases, path, (a) => a.status === 200 && !a.text.includes(body));
      record(
        ["approve → article page"],
        await trial(bases, [{ path, shows: (a) => a.text.includes(body) }], () => moderate([id])),
      );
    }
  } finally {
    // the next run's pages as this one found them: its comments gone, the count they added taken back
    await db.query(
      `UPDATE articles SET "commentCount" = "commentCount" - (SELECT count(*)::int FROM comments
         WHERE id LIKE 'benchvis%' AND status = 'APPROVED' AND "articleId" = $1) WHERE id = $1`,
      [commented.id],
    );
    await db.query(`DELETE FROM comments WHERE id LIKE 'benchvis%'`);
  }

  step("bench", `publish and unpublish: ${TRIALS} times /posts/${moved.publicId}`);
  const page = `/posts/${moved.publicId}`;
  const unpublish = () => articleAction("unpublishArticleAction", { id: moved.id, to: "DRAFT" });
  if (!(await unpublish()).ok) throw new Error("could not unpublish the bench's article");
  try {
    for (let i = 0; i < TRIALS; i++) {
      // a draft: a title readers have never seen, published as new (publishedAt set now: the top of the home page)
      const title = `${moved.title}〔可见性 ${run}-${i}〕`;
      await db.query(`UPDATE articles SET title = $2, "publishedAt" = NULL WHERE id = $1`, [moved.id, title]);
      await warm(bases, "/", (a) => a.status === 200 && !a.text.includes(title));
      record(
        ["publish → home page", "publish → its page"],
        await trial(
          bases,
          [
            { path: "/", shows: (a) => a.text.includes(title) },
            { path: page, shows: (a) => a.status === 200 && a.text.includes(title) },
          ],
          () => articleAction("publishArticleAction", { id: moved.id }),
        ),
      );
      await warm(bases, "/", (a) => a.text.includes(title));
      await warm(bases, page, (a) => a.text.includes(title));
      record(
        ["unpublish → home page", "unpublish → its page 404"],
        await trial(
          bases,
          [
            { path: "/", shows: (a) => a.status === 200 && !a.text.includes(title) },
            { path: page, shows: (a) => a.status === 404 },
          ],
          unpublish,
        ),
      );
    }
  } finally {
    // the article as the seed left it: its title and its date, published again
    await db.query(`UPDATE articles SET title = $2, "publishedAt" = $3 WHERE id = $1`, [
      moved.id,
      moved.title,
      moved.publishedAt,
    ]);
    await articleAction("publishArticleAction", { id: moved.id });
  }

  console.log(
    `\nVisible to a signed-out reader, from the action's answer (${TRIALS} trials each; readers ask every ${POLL_MS} ms):\n`,
  );
  console.log(
    `${"change".padEnd(26)} | ${"(a) npm start alone".padEnd(52)} | ${"(b) through deploy/nginx.conf".padEnd(52)} | action`,
  );
  for (const [label, trials] of results) row(label, trials);
  const firstCache = (t: Trial[]) => [...new Set(t.map((x) => x.app?.cache || "-"))].join(", ");
  console.log("\nThe app's answer that first showed the change (X-Byline-Cache):");
  for (const [label, trials] of results) console.log(`  ${label}: ${firstCache(trials)}`);
} finally {
  await db.end();
  await front.stop();
  await target.stop();
}
machine.report();
