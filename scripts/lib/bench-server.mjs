// The server `npm run bench` and `npm run bench:lighthouse` measure: BASE_URL when set, else a
// production server of their own (the build in .next, or NEXT_DIST_DIR) on a seeded database of
// their own, `byline_bench_pages`. Only an own server can be told to invalidate its cache: the
// loopback route's secret lives in the server's memory (lib/jobs/background-invalidation.ts),
// so this file, run as the child, plants a secret the bench knows before the server starts.
import { spawn } from "node:child_process";
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrate, resolveDatabase, seed } from "./database.mjs";
import { createDatabaseIfMissing, withDatabase } from "./embedded-pg.mjs";
import { freePort } from "./free-port.mjs";
import { root, step } from "./run.mjs";
import { viewLogDir } from "../../server/view-log.mjs";

const SECRET_ENV = "BYLINE_BENCH_INTERNAL_SECRET";
const self = fileURLToPath(import.meta.url);

if (process.argv[1] === self) {
  // the child: the same server as scripts/serve.mjs (its workers run this file too), with the
  // bench's secret already in place in each process that serves
  const secret = process.env[SECRET_ENV] ?? "";
  delete process.env[SECRET_ENV];
  const { startServers, workerCount } = await import("../../server/cluster.mjs");
  const { onShutdown, startServer } = await import("../../server/http-server.mjs");
  const count = cluster.isPrimary ? workerCount() : 1;
  if (count === 1) /** @type {any} */ (globalThis).__bylineInternalSecret = secret;
  const port = Number(process.env.PORT);
  const { close } = cluster.isWorker
    ? await startServer({ port, hostname: "127.0.0.1" })
    : await startServers({
        port,
        hostname: "127.0.0.1",
        count,
        exec: self,
        env: { [SECRET_ENV]: secret },
      });
  if (cluster.isPrimary) console.log("Byline listening");
  onShutdown(() => close());
}

async function healthy(base) {
  const res = await fetch(`${base}/api/health`).catch(() => null);
  return Boolean(res?.ok);
}

/**
 * @param {{ database?: string, env?: Record<string, string>, logName?: string,
 *   prepare?: (databaseUrl: string) => Promise<void>, launcher?: string[], nodeArgs?: string[],
 *   startSeconds?: number }}
 *   [options] database: the own server's database (seeded with the demo content); env: added to
 *   the server's; logName: its log in .data/ (two own servers at once need two); prepare: runs on
 *   that database after the seed, before the server starts (npm run bench:api adds its articles
 *   there); launcher: a command the server runs under (valgrind, npm run bench:view-instructions);
 *   nodeArgs: Node options of the server's (V8's traces, npm run bench:view-steady);
 *   startSeconds: how long it may take to start (60)
 * @returns {Promise<{ base: string, site: string, own: boolean, databaseUrl?: string,
 *   invalidate?: (tags: string[]) => Promise<void>, stop: () => Promise<void> }>}
 */
export async function benchTarget({
  database = "byline_bench_pages",
  env = {},
  logName = "bench-server.log",
  prepare,
  launcher = [],
  nodeArgs: ownNodeArgs = [],
  startSeconds = 60,
} = {}) {
  if (process.env.BASE_URL) {
    const base = process.env.BASE_URL.replace(/\/+$/, "");
    if (!(await healthy(base))) throw new Error(`no healthy server at ${base}`);
    return { base, site: process.env.SITE_URL ?? base, own: false, stop: async () => {} };
  }
  const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  if (!fs.existsSync(path.join(dist, "BUILD_ID")))
    throw new Error(`no production build in ${dist}: run \`npm run build\` first (or set BASE_URL)`);

  const server = await resolveDatabase({ log: () => {} });
  await createDatabaseIfMissing(server.serverUrl ?? server.url, database);
  const databaseUrl = withDatabase(server.serverUrl ?? server.url, database);
  step("bench", `database ${database}: migrations, demo seed (idempotent)`);
  const uploads = path.join(root, ".data", "bench-uploads");
  await migrate(databaseUrl, ["deploy"], { quiet: true });
  await seed(databaseUrl, { quiet: true, env: { UPLOAD_DIR: uploads } });
  await prepare?.(databaseUrl);
  // views an earlier run logged on this database and left uncounted (its server stopped first)
  // are that run's: the view figures of this one start from an empty folder
  fs.rmSync(viewLogDir({ ...process.env, ...env, DATABASE_URL: databaseUrl }), {
    recursive: true,
    force: true,
  });
  const cursors = new pg.Client({ connectionString: databaseUrl });
  await cursors.connect();
  await cursors.query(`DELETE FROM view_log_cursors`);
  await cursors.end();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const secret = crypto.randomBytes(32).toString("base64url");
  const log = path.join(root, ".data", logName);
  const out = fs.openSync(log, "w");
  // BENCH_SERVER_NODE_ARGS: Node options for the server alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
  // (NODE_OPTIONS refuses --cpu-prof, and would reach wrk's helpers and the view counter too)
  const nodeArgs = [...ownNodeArgs, ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean)];
  const [command = process.execPath, ...args] = [...launcher, process.execPath, ...nodeArgs, self];
  const child = spawn(command, args, {
    cwd: root,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      SITE_URL: base,
      PORT: String(port),
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      BYLINE_DEMO: "1",
      BYLINE_SOURCE_CHECK: "off",
      UPLOAD_DIR: uploads,
      LOG_LEVEL: "warn",
      ...env,
      [SECRET_ENV]: secret,
    },
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    fs.closeSync(out);
    await server.stop();
  };
  for (let i = 0; !fs.readFileSync(log, "utf8").includes("Byline listening") || !(await healthy(base)); i++) {
    if (child.exitCode !== null || i > startSeconds * 4) {
      await stop();
      throw new Error(`the bench's server did not start: see ${path.relative(root, log)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  step("bench", `production server from ${path.relative(root, dist)} on ${base} (log .data/${logName})`);
  const invalidate = async (/** @type {string[]} */ tags) => {
    const res = await fetch(`${base}/api/internal/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-byline-internal-secret": secret },
      body: JSON.stringify({ tags }),
    });
    if (!res.ok) throw new Error(`invalidation refused: HTTP ${res.status}`);
  };
  return { base, site: base, own: true, databaseUrl, pid: child.pid, invalidate, stop };
}

/**
 * The article the bench reads. The seed's longest article has about 600 characters, so the
 * bench publishes, in its own database only, the longest seeded articles joined until the text
 * reaches 1,500 characters: real seeded content (headings, code, lists) at the length.
 * @returns {Promise<{ id: string, path: string, chars: number, tags: string[] }>}
 */
export async function benchArticle(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT a.*, c.slug AS "categorySlug" FROM articles a JOIN categories c ON c.id = a."categoryId"
       WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL AND a.id <> 'bench-article-1500'
       ORDER BY length(a."bodyText") DESC, a.id LIMIT 6`,
    );
    const parts = [];
    for (const r of rows) if (parts.reduce((n, p) => n + p.bodyText.length, 0) < 1500) parts.push(r);
    const [lead] = parts;
    await db.query(
      `INSERT INTO articles (id, "publicId", title, lede, "bodyJson", "bodyHtml", "bodyText", status,
         "publishedAt", "authorId", "categoryId", "renderVersion", "updatedAt")
       VALUES ('bench-article-1500', 'bench1500', $1, $2, $3, $4, $5, 'PUBLISHED', $6, $7, $8, $9, now())
       ON CONFLICT (id) DO NOTHING`,
      [
        `${lead.title}（合订）`,
        lead.lede,
        JSON.stringify({ type: "doc", content: parts.flatMap((p) => p.bodyJson.content ?? []) }),
        parts.map((p) => p.bodyHtml).join(""),
        parts.map((p) => p.bodyText).join("\n"),
        lead.publishedAt,
        lead.authorId,
        lead.categoryId,
        lead.renderVersion,
      ],
    );
    const { rows: saved } = await db.query(
      `SELECT length("bodyText") AS chars FROM articles WHERE id = 'bench-article-1500'`,
    );
    // what an edit of this article invalidates (lib/cache-tags.ts articleChangeTags)
    const tags = ["articles", "article:bench-article-1500", `category:${lead.categorySlug}`];
    tags.push(`author:${lead.authorId}`);
    return { id: "bench-article-1500", path: "/posts/bench1500", chars: Number(saved[0].chars), tags };
  } finally {
    await db.end();
  }
}
