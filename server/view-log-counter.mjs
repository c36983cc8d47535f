// @ts-check
// The view counter: reads the view log folder (lib/services/views/view-log.mjs; lines from the
// front's nginx and from every server's page cache) and counts each line by the beacon's rules:
// never a crawler (is-bot.mjs), a published article, once per visitor per article per 30 minutes
// (the bl_vid cookie, else an id derived from address and user agent; the claims of
// view-claims.mjs make that exact across counters and with the beacon, which signed-in readers
// still send).
//
// Exactly once: each file's read offset lives in view_log_cursors and moves in the transaction
// that writes the views read (WRITE_VIEWS). Several counters may share a folder (one per server,
// compose's shared volume): a file whose cursor row another holds is skipped (SKIP LOCKED), and a
// counter killed mid-batch leaves the offset where the last commit put it.
//
// Off the readers' path: http-server.mjs runs this as a child process at the lowest CPU priority
// (nice 19), and each batch is followed by a rest as long as the batch took, so under a burst
// that fills the machine the counting falls behind (the lines wait on disk) instead of taking
// CPU from pages, and catches up once the burst is over. docs/request-path.md ("Views").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isBot } from "../lib/services/views/is-bot.mjs";
import { createPendingViews } from "../lib/services/views/pending-views.mjs";
import { WRITE_VIEWS, writeViewsParams } from "../lib/services/views/view-claims.mjs";
import { createViewDedupe, VIEW_WINDOW_MS } from "../lib/services/views/view-dedupe.mjs";
import { parseViewLine } from "../lib/services/views/view-log.mjs";
import { visitorIdFor } from "../lib/services/views/visitor-id.mjs";
import { viewLogDir } from "./view-log.mjs";

/** The server's files (`.log`, sealed `.log.done`) and the front's (`views.log`, rotated `.1`, `.2`…). */
const LOG_FILE = /\.log(\.done|\.\d+)?$/;
const SEALED = /\.log\.done$/;

/** @typedef {import("pg").Pool} Pool */
/** @typedef {import("pg").PoolClient} Client */

/**
 * @param {{ pool: Pool, dir: string, chunkBytes?: number, windowMs?: number,
 *   now?: () => number, log?: (msg: string) => void, prepare?: (client: Client) => Promise<void> }} options
 *   chunkBytes: the most read from one file per transaction; prepare: run once on each new
 *   connection before its first batch
 */
export function createViewLogCounter({
  pool,
  dir,
  chunkBytes = 512 * 1024,
  windowMs = VIEW_WINDOW_MS,
  now = Date.now,
  log = console.error,
  prepare,
}) {
  let dedupe = createViewDedupe({ windowMs });
  /** @type {WeakSet<Client>} connections prepare() has run on */
  const prepared = new WeakSet();
  /** @type {Map<string, { id: string | null, at: number }>} public id → article id (null: not countable) */
  const articles = new Map();
  /** @type {Map<string, boolean>} user agent → a crawler's: readers' browsers repeat, the test is a few regexes */
  const bots = new Map();
  /** @param {string} ua */
  const crawler = (ua) => {
    let bot = bots.get(ua);
    if (bot === undefined) {
      bot = isBot(ua);
      if (bots.size >= 4_096) bots.clear();
      bots.set(ua, bot);
    }
    return bot;
  };

  /**
   * The article ids of these public ids that readers may see, from memory for a minute.
   * @param {Client} client
   * @param {Set<string>} publicIds
   */
  async function resolve(client, publicIds) {
    const t = now();
    const missing = [...publicIds].filter((p) => {
      const known = articles.get(p);
      return !known || known.at <= t - 60_000;
    });
    if (missing.length) {
      if (articles.size > 10_000) articles.clear();
      const { rows } = await client.query(
        `SELECT id, "publicId" FROM articles WHERE "publicId" = ANY($1::text[]) AND status = 'PUBLISHED' AND "publishedAt" <= now()`,
        [missing],
      );
      for (const p of missing) articles.set(p, { id: null, at: t });
      for (const r of rows) articles.set(r.publicId, { id: r.id, at: t });
    }
  }

  /**
   * Counts what this file holds past its cursor, one chunk. Returns the lines read and whether
   * more waits.
   * @param {string} file
   * @param {fs.Stats} st
   * @param {number} limit
   */
  async function countFile(file, st, limit) {
    const key = `${st.ino}-${Math.floor(st.birthtimeMs)}`;
    const client = await pool.connect();
    if (prepare && !prepared.has(client)) {
      prepared.add(client);
      await prepare(client);
    }
    let lines = 0;
    let bytes = 0;
    let more = false;
    let finished = false;
    try {
      await client.query("BEGIN");
      await client.query(`INSERT INTO view_log_cursors (file) VALUES ($1) ON CONFLICT DO NOTHING`, [key]);
      const { rows } = await client.query(
        `SELECT "offset" FROM view_log_cursors WHERE file = $1 FOR UPDATE SKIP LOCKED`,
        [key],
      );
      if (!rows.length) {
        await client.query("ROLLBACK");
        return { lines, bytes, more };
      }
      const offset = Number(rows[0].offset);
      const length = Math.min(st.size - offset, limit);
      if (length > 0) {
        const buf = Buffer.alloc(length);
        /** @type {number} */
        let fd;
        try {
          fd = fs.openSync(file, "r");
        } catch (e) {
          if (/** @type {NodeJS.ErrnoException} */ (e).code !== "ENOENT") throw e;
          // rotated away since the folder was listed: the next pass reads it under its new name
          await client.query("ROLLBACK");
          return { lines, bytes, more };
        }
        let got = 0;
        try {
          got = fs.readSync(fd, buf, 0, length, offset);
        } finally {
          fs.closeSync(fd);
        }
        let end = buf.subarray(0, got).lastIndexOf(10) + 1;
        // a line longer than a whole chunk is nobody's view: skip it whole (a pass's last
        // file may be read with less than a chunk left: its line waits for the next pass)
        if (end === 0 && got === limit && limit >= chunkBytes) end = got;
        if (end > 0) {
          lines = await countLines(client, buf.subarray(0, end).toString("latin1"));
          await client.query(
            `UPDATE view_log_cursors SET "offset" = $2, "updatedAt" = now() WHERE file = $1`,
            [key, offset + end],
          );
        }
        bytes = end;
        // no whole line: at the file's end, one still being written; else the limit was short
        more = end > 0 ? offset + end < st.size : got === limit;
        finished = offset + end >= st.size;
      } else finished = true;
      // A sealed file's cursor stays, at its end, after the file is gone (forgetOldCursors drops it
      // a week later): a counter that listed the file before it went then finds it read. Deleted
      // with the file, the row was made anew at offset 0 by such a counter, which read the whole
      // file again if it opened it before the delete (seen as ENOENT in the two-counter test).
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      // what this batch let through the memory was not written: forget it, the claims decide
      dedupe = createViewDedupe({ windowMs });
      throw e;
    } finally {
      client.release();
    }
    // a sealed server file, all counted (its cursor, at its end, committed above)
    if (finished && SEALED.test(file)) fs.rmSync(file, { force: true });
    return { lines, bytes, more };
  }

  /**
   * @param {Client} client
   * @param {string} text whole lines
   */
  async function countLines(client, text) {
    /** @type {import("../lib/services/views/view-log.mjs").ViewLine[]} */
    const views = [];
    const ids = new Set();
    let n = 0;
    for (const raw of text.split("\n")) {
      if (!raw) continue;
      n++;
      const v = parseViewLine(raw);
      if (!v || crawler(v.userAgent)) continue;
      views.push(v);
      ids.add(v.publicId);
    }
    if (!views.length) return n;
    await resolve(client, ids);
    const batch = createPendingViews(Number.MAX_SAFE_INTEGER);
    for (const v of views) {
      const articleId = articles.get(v.publicId)?.id;
      if (!articleId) continue;
      const visitor = visitorIdFor(v.visitor, v.ip, v.userAgent, v.at).id;
      if (dedupe.shouldCount(visitor, articleId, v.at)) batch.add(visitor, articleId, v.at);
    }
    if (batch.size() > 0) await client.query(WRITE_VIEWS, writeViewsParams(batch, windowMs));
    return n;
  }

  /**
   * One pass over the folder: what its files hold past their cursors, `limit` bytes in all (a
   * burst leaves many sealed files: a pass stays as short as one chunk however many wait).
   * @param {number} [limit] the most read in this pass (chunkBytes)
   * @returns {Promise<{ lines: number, more: boolean }>}
   */
  async function pass(limit = chunkBytes) {
    let lines = 0;
    let more = false;
    let budget = limit;
    /** @type {string[]} */
    let names = [];
    try {
      names = fs.readdirSync(dir).filter((n) => LOG_FILE.test(n));
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code === "ENOENT") return { lines, more };
      throw e;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      /** @type {fs.Stats} */
      let st;
      try {
        st = fs.statSync(file);
      } catch {
        continue; // rotated or deleted meanwhile: the next pass sees it under its new name
      }
      if (!st.isFile()) continue;
      if (budget <= 0) {
        more = true;
        break;
      }
      const r = await countFile(file, st, budget);
      lines += r.lines;
      budget -= r.bytes;
      more ||= r.more;
      // what was left of the pass's bytes did not hold this file's next line
      if (r.more && r.bytes === 0) break;
    }
    return { lines, more };
  }

  /**
   * Makes the folder this database's: a folder last counted into another database (one dropped
   * and created again under the same name, as the test suites do) holds that database's views,
   * which must not be counted here. Its `.database` file names the database (its oid); files
   * older than `since` from another database are deleted. Files newer than that are this run's.
   * @param {number} since
   */
  async function adopt(since) {
    const { rows } = await pool.query(
      `SELECT oid::text AS oid FROM pg_database WHERE datname = current_database()`,
    );
    const oid = String(rows[0]?.oid);
    const marker = path.join(dir, ".database");
    fs.mkdirSync(dir, { recursive: true });
    const previous = fs.existsSync(marker) ? fs.readFileSync(marker, "utf8").trim() : null;
    if (previous === oid) return;
    if (previous !== null)
      for (const name of fs.readdirSync(dir).filter((n) => LOG_FILE.test(n))) {
        const file = path.join(dir, name);
        const st = fs.statSync(file, { throwIfNoEntry: false });
        if (st && st.mtimeMs < since) fs.rmSync(file, { force: true });
      }
    fs.writeFileSync(marker, `${oid}\n`);
  }

  /** Cursor rows of files gone for a week (rotated away by the front's logrotate). */
  async function forgetOldCursors() {
    await pool.query(`DELETE FROM view_log_cursors WHERE "updatedAt" < now() - interval '7 days'`);
  }

  /**
   * Runs until `signal` aborts: a pass, then a rest as long as the pass took (at least
   * `idleMs` when nothing more waits), so counting takes at most half of one core. While more
   * than `busyShare` of the machine's CPU time since the last pass went to work other than
   * niced (readers, whatever else), a pass reads at most `busyBytes` and the rest lasts at least
   * `idleMs`: the lines wait on disk, and are counted at that trickle if the load never ends.
   * Half, not more: nice alone does not keep counting off the readers' CPUs: the database's
   * share of a batch (most of its cost: the claims) runs in PostgreSQL's own scheduling group
   * (Linux autogroups), where a niced backend still gets its group's fair share; and one Node
   * server at full speed on two cores, with its clients, measured 0.72-0.78 busy (the bench's
   * views section, 2026-12-05): at 0.8 the counter counted at full speed beside the readers.
   * @param {{ signal: AbortSignal, idleMs?: number, busyShare?: number, busyBytes?: number }} options
   */
  async function run({ signal, idleMs = 1_000, busyShare = 0.5, busyBytes = 32 * 1024 }) {
    let lastForget = 0;
    const since = now();
    let adopted = false;
    const busy = cpuBusy();
    while (!signal.aborted) {
      const started = now();
      let more = false;
      const yielding = busy() > busyShare;
      try {
        if (!adopted) {
          await adopt(since);
          adopted = true;
        }
        more = (await pass(yielding ? busyBytes : chunkBytes)).more;
        if (started - lastForget > 3_600_000) {
          lastForget = started;
          await forgetOldCursors();
        }
      } catch (e) {
        log(`views: counting the view log failed: ${e instanceof Error ? e.message : e}`);
      }
      const took = now() - started;
      await sleep(more && !yielding ? Math.max(took, 10) : Math.max(took, idleMs), signal);
    }
  }

  return { pass, run, adopt };
}

/**
 * When PostgreSQL runs on this machine (reached over loopback or a socket: the embedded one, or a
 * local server), the work a batch
 * asks of it (the claims: tens of µs per new reader) would run at normal priority and take CPU
 * from pages; the backend serving this connection gets the counter's nice 19 too. Only a process
 * that is a postgres backend on this machine is touched, and only where the OS permits (the same
 * user, or root); otherwise nothing changes.
 * @param {import("pg").PoolClient} client
 */
async function lowerBackendPriority(client) {
  const host = /** @type {{ host?: string }} */ (/** @type {unknown} */ (client)).host ?? "";
  if (!/^(localhost|127\.\d+\.\d+\.\d+|::1|\/.*)$/.test(host)) return;
  try {
    const { rows } = await client.query(`SELECT pg_backend_pid() AS pid`);
    const pid = Number(rows[0]?.pid);
    if (!(pid > 0)) return;
    const comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    if (comm !== "postgres") return;
    os.setPriority(pid, 19);
  } catch {
    // another machine's PostgreSQL, no /proc, or not permitted: it keeps its priority
  }
}

/**
 * The share of the machine's CPU time, since the last call, spent on anything but idling and
 * niced work (the counter's own is niced: it must not count itself as a reason to yield).
 * @returns {() => number}
 */
function cpuBusy() {
  const sample = () => {
    let work = 0;
    let total = 0;
    for (const { times: t } of os.cpus()) {
      work += t.user + t.sys + t.irq;
      total += t.user + t.sys + t.irq + t.nice + t.idle;
    }
    return { work, total };
  };
  let last = sample();
  return () => {
    const cur = sample();
    const share = cur.total > last.total ? (cur.work - last.work) / (cur.total - last.total) : 0;
    last = cur;
    return share;
  };
}

/**
 * Waits `ms`, or less when `signal` aborts. The abort listener goes with the wait: left behind, one
 * per batch, they added up for as long as the counter ran (Node warned at 11).
 * @param {number} ms @param {AbortSignal} signal
 */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve(undefined);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

// As a child process of the server (http-server.mjs): counts until SIGTERM, then ends its batch.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    os.setPriority(19);
  } catch {
    // not permitted here: counting still rests between batches
  }
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, statement_timeout: 30_000 });
  pool.on("error", (e) => console.error(`views: idle database connection lost: ${e.message}`));
  const stop = new AbortController();
  process.on("SIGTERM", () => stop.abort());
  process.on("SIGINT", () => stop.abort());
  // the server going away (its IPC channel closes) ends the counter too
  process.on("disconnect", () => stop.abort());
  await createViewLogCounter({ pool, dir: viewLogDir(), prepare: lowerBackendPriority }).run({
    signal: stop.signal,
  });
  await pool.end();
}
