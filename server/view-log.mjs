// @ts-check
// The server's half of the view log (lib/services/views/view-log.mjs): every article page this
// server sends to a reader from its page cache is one line, appended to a file of its own in the
// view log folder and counted later by the view counter (view-log-counter.mjs, a child process at
// the lowest CPU priority). A page notes its request's strings; the lines of 256 pages at a time are
// put byte by byte into a buffer outside the JavaScript heap (view-line.mjs: no string per line;
// made as strings, one per page, lines cost the server about twice as much, docs/request-path.md
// "Views"); the buffer is written once per second or per 64 KB, whichever comes first, with one
// synchronous write to the kernel's page cache.
//
// Files: `app-<host>-<pid>-<opened at>-<n>.log`, closed and renamed to `….log.done` at `rotateBytes` and
// on shutdown; the counter deletes a `.done` file once it has counted all of it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasSessionCookie, wallClock } from "./page-cache.mjs";
import { resolveClientIp, TRUST_PROXY_HOPS } from "./client-ip.mjs";
import {
  ARTICLE_PAGE,
  FRONT_LOGGED_HEADER,
  formatViewLine,
  isDocumentRequest,
} from "../lib/services/views/view-log.mjs";
import { VISITOR_COOKIE } from "../lib/services/views/visitor-id.mjs";
import { createLinePutter } from "./view-line.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where `npm start`'s server and `npm run front` meet (both default to it). */
export const SITE_VIEW_LOG_DIR = path.join(ROOT, ".data", "views", "site");

/**
 * The view log folder: VIEW_LOG_DIR, else one per database under .data/views, so servers of
 * different databases on one machine (the test suites') never count each other's lines.
 * @param {Record<string, string | undefined>} [env]
 */
export function viewLogDir(env = process.env) {
  if (env.VIEW_LOG_DIR) return path.resolve(env.VIEW_LOG_DIR);
  let scope = "default";
  try {
    const u = new URL(env.DATABASE_URL ?? "");
    scope = `${u.hostname}-${u.port || 5432}-${u.pathname.slice(1) || "postgres"}`.replace(
      /[^A-Za-z0-9_.-]/g,
      "_",
    );
  } catch {
    // no database: nothing will count, the folder only has to exist
  }
  return path.join(ROOT, ".data", "views", scope);
}

const VISITOR_PREFIX = `${VISITOR_COOKIE}=`;

/**
 * The bl_vid cookie's value, undefined without one, or null when a session cookie is present.
 * On every page sent from memory: a substring search first, the full parse only when a session
 * cookie's name is in the header.
 * @param {string | undefined} header
 * @returns {string | undefined | null}
 */
function visitorCookie(header) {
  if (!header) return undefined;
  if (header.includes("session-token") && hasSessionCookie(header)) return null;
  let at = header.indexOf(VISITOR_PREFIX);
  // a name that ends in bl_vid= is another cookie
  while (at > 0 && header[at - 1] !== ";" && header[at - 1] !== " ")
    at = header.indexOf(VISITOR_PREFIX, at + 1);
  if (at === -1) return undefined;
  const from = at + VISITOR_PREFIX.length;
  const end = header.indexOf(";", from);
  return (end === -1 ? header.slice(from) : header.slice(from, end)).trim() || undefined;
}

/**
 * @param {{ dir: string, flushMs?: number, flushBytes?: number, rotateBytes?: number, batch?: number,
 *   now?: () => number, log?: (msg: string) => void }} options
 */
export function createViewLog({
  dir,
  flushMs = 1_000,
  flushBytes = 64 * 1024,
  rotateBytes = 32 * 1024 * 1024,
  batch = 256,
  now = wallClock,
  log = console.error,
}) {
  fs.mkdirSync(dir, { recursive: true });
  const stem = `app-${os.hostname().replace(/[^A-Za-z0-9_.-]/g, "_")}-${process.pid}`;
  // written once `flushBytes` are in, with room past that for the line that crosses it (headers
  // are at most 16 KB; a line that might take more goes out on its own)
  const buffer = Buffer.allocUnsafe(flushBytes + 16 * 1024);
  let buffered = 0;
  /** @type {{ fd: number, file: string, bytes: number } | null} */
  let out = null;
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  let failedAt = 0;
  let opened = 0;
  const put = createLinePutter();

  function open() {
    // the sequence: two files opened within a millisecond must not share a name (the second's
    // rename to .done would replace the first)
    const file = path.join(dir, `${stem}-${now()}-${++opened}.log`);
    out = { fd: fs.openSync(file, "a", 0o644), file, bytes: 0 };
  }

  /** Closes the current file and hands it to the counter whole (`.done`). */
  function seal() {
    if (!out) return;
    const { fd, file } = out;
    out = null;
    fs.closeSync(fd);
    fs.renameSync(file, `${file}.done`);
  }

  /** @param {Buffer} bytes */
  function write(bytes) {
    try {
      if (!out) open();
      const o = /** @type {NonNullable<typeof out>} */ (out);
      fs.writeSync(o.fd, bytes);
      o.bytes += bytes.length;
      if (o.bytes >= rotateBytes) seal();
    } catch (e) {
      // a full or read-only disk: the views of this chunk are lost, pages go on; said once a minute
      if (now() - failedAt > 60_000) {
        failedAt = now();
        log(`views: writing the view log failed: ${e instanceof Error ? e.message : e}`);
      }
      out = null;
    }
  }

  /** What the buffer holds, which it no longer does. */
  function take() {
    const n = buffered;
    buffered = 0;
    return buffer.subarray(0, n);
  }

  // A view is noted as its request's strings, and its line made later, `batch` at a time: the
  // formatting in one warm loop, not between two pages' worth of HTTP work (docs/request-path.md
  // "Views" measured both)
  const ats = new Float64Array(batch);
  /** @returns {(string | undefined)[]} */
  const slots = () => new Array(batch).fill(undefined);
  // each view's URL, cookie, socket address, X-Forwarded-For and user agent
  const [urls, cookies, addresses, forwarded, agents] = [slots(), slots(), slots(), slots(), slots()];
  let noted = 0;

  /** Puts the noted views' lines in the buffer, writing it whenever it fills. */
  function writeNoted() {
    for (let i = 0; i < noted; i++) {
      const visitor = visitorCookie(cookies[i]);
      // a signed-in reader may be staff: their page sends the beacon, which Next.js answers
      if (visitor === null) continue;
      const view = {
        at: /** @type {number} */ (ats[i]),
        url: /** @type {string} */ (urls[i]),
        visitor,
        ip: resolveClientIp(addresses[i], forwarded[i], TRUST_PROXY_HOPS),
        userAgent: agents[i],
      };
      let end = put(buffer, buffered, view);
      if (end === -1) {
        if (buffered) write(take());
        end = put(buffer, 0, view);
        // more than the buffer's 16 KB of headers: on its own
        if (end === -1) {
          const publicId = /** @type {string} */ (ARTICLE_PAGE.exec(view.url)?.[1]);
          write(Buffer.from(formatViewLine({ ...view, publicId }), "latin1"));
          continue;
        }
      }
      buffered = end;
    }
    urls.fill(undefined, 0, noted);
    cookies.fill(undefined, 0, noted);
    addresses.fill(undefined, 0, noted);
    forwarded.fill(undefined, 0, noted);
    agents.fill(undefined, 0, noted);
    noted = 0;
    if (buffered >= flushBytes) write(take());
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    writeNoted();
    if (buffered) write(take());
  }

  /**
   * Logs the view when this response is an article page sent to a reader's browser. Call once
   * the status is set (a page-cache hit) or when the response finished. On disk within
   * `flushMs`, at once on `flush` and `close`.
   * @param {import("node:http").IncomingMessage} req
   * @param {number} status
   */
  function served(req, status) {
    const h = req.headers;
    // a 304: the reader's browser shows the copy it revalidated (view-count.tsx sends no beacon)
    if ((status !== 200 && status !== 304) || req.method !== "GET" || h[FRONT_LOGGED_HEADER] !== undefined)
      return;
    const url = req.url ?? "";
    if (!ARTICLE_PAGE.test(url) || !isDocumentRequest(h)) return;
    const i = noted++;
    ats[i] = now();
    urls[i] = url;
    cookies[i] = h.cookie;
    addresses[i] = req.socket?.remoteAddress;
    forwarded[i] = /** @type {string | undefined} */ (h["x-forwarded-for"]);
    agents[i] = h["user-agent"];
    if (noted === batch) writeNoted();
    // lines made by the batch just full wait in the buffer too
    if (!timer) {
      timer = setTimeout(flush, flushMs);
      timer.unref();
    }
  }

  return {
    served,
    /** Whether a request may be an article page view: worth watching its response. @param {string} url */
    isCandidate: (url) => ARTICLE_PAGE.test(url),
    flush,
    /** Writes what is buffered and hands the file to the counter. */
    close() {
      flush();
      try {
        seal();
      } catch (e) {
        log(`views: closing the view log failed: ${e instanceof Error ? e.message : e}`);
      }
    },
  };
}

/** @typedef {ReturnType<typeof createViewLog>} ViewLog */
