// @ts-check
// The server's half of the view log (lib/services/views/view-log.mjs): every article page this
// server sends to a reader from its page cache is one line, appended to a file of its own in the
// view log folder and counted later by the view counter (view-log-counter.mjs, a child process at
// the lowest CPU priority). The line is put byte by byte into a buffer outside the JavaScript heap
// as the page is sent (view-line.mjs: no string per line; made as strings, lines cost the server
// about twice as much, docs/request-path.md "Views"); the buffer is written once per second or per
// 64 KB, whichever comes first, with one synchronous write to the kernel's page cache. Nothing of
// the request is kept past its page: the batches of 256 noted requests tried before kept their
// strings alive through the collector's copies, and with a fair count (docs/request-path.md
// "Views", 2026-12-06) saved nothing measurable over this simpler way.
//
// Files: `app-<host>-<pid>-<opened at>-<n>.log`, closed and renamed to `….log.done` at `rotateBytes` and
// on shutdown; the counter deletes a `.done` file once it has counted all of it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasSessionCookie, wallClock } from "./page-cache.mjs";
import { resolveClientIp, socketAddressStart, TRUST_PROXY_HOPS } from "./client-ip.mjs";
import {
  ARTICLE_PAGE,
  FRONT_LOGGED_HEADER,
  formatViewLine,
  isDocumentRequest,
} from "../lib/services/views/view-log.mjs";
import { VISITOR_COOKIE } from "../lib/services/views/visitor-id.mjs";
import { createLinePutter, pathBytes, timeBytes } from "./view-line.mjs";

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
 * Where the bl_vid cookie's value starts in a Cookie header, -1 without one, or null when a session
 * cookie is present (unless the caller knows there is none: the page cache sends no page it holds
 * to a session). A substring search first, the full parse only when a session cookie's name is in
 * the header.
 * @param {string | undefined} header
 * @param {boolean} signedOut
 * @returns {number | null}
 */
function visitorFrom(header, signedOut) {
  if (!header) return -1;
  if (!signedOut && header.includes("session-token") && hasSessionCookie(header)) return null;
  let at = header.indexOf(VISITOR_PREFIX);
  // a name that ends in bl_vid= is another cookie
  while (at > 0 && header.charCodeAt(at - 1) !== 0x3b && header.charCodeAt(at - 1) !== 0x20)
    at = header.indexOf(VISITOR_PREFIX, at + 1);
  return at === -1 ? -1 : at + VISITOR_PREFIX.length;
}

/**
 * The cookie's value that starts at `from`, to its `;`, trimmed (what the line putter copies).
 * @param {string} cookie @param {number} from
 */
function visitorValue(cookie, from) {
  const end = cookie.indexOf(";", from);
  return (end === -1 ? cookie.slice(from) : cookie.slice(from, end)).trim() || undefined;
}

/**
 * Whether a response to this request is a view of its page, whatever the page: sent whole or
 * revalidated (a 304: the reader's browser shows the copy it revalidated, and view-count.tsx
 * sends no beacon), to a reader's browser opening it, and not logged by the front already.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").IncomingHttpHeaders} h
 * @param {number} status
 */
const isView = (req, h, status) =>
  (status === 200 || status === 304) &&
  req.method === "GET" &&
  h[FRONT_LOGGED_HEADER] === undefined &&
  isDocumentRequest(h);

/**
 * @param {{ dir: string, flushMs?: number, flushBytes?: number, rotateBytes?: number,
 *   now?: () => number, log?: (msg: string) => void }} options
 */
export function createViewLog({
  dir,
  flushMs = 1_000,
  flushBytes = 64 * 1024,
  rotateBytes = 32 * 1024 * 1024,
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
  const putLine = createLinePutter();

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

  // The time of the lines put since the buffer was last written, taken at the first of them: the
  // buffer is written within `flushMs`, so a line's time is at most that much early (the front's
  // is to the second). Taking the time and putting its digits for each view cost more than the
  // rest of its line but the user agent (npm run bench:view-instructions).
  /** @type {Buffer | null} */
  let time = null;

  /** What the buffer holds, which it no longer does. */
  function take() {
    const n = buffered;
    buffered = 0;
    time = null;
    return buffer.subarray(0, n);
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (buffered) write(take());
  }

  /**
   * Puts the view's line in the buffer, writing it when full. Its callers hand it the headers
   * they read already, and the connection's address: each lookup on Node's header object is a
   * megamorphic load in real traffic (browsers send different sets of headers), and Node's getter
   * for a socket's address cost a view about 440 instructions (npm run bench:view-instructions).
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").IncomingHttpHeaders} h
   * @param {Buffer} path the page's path (pathBytes)
   * @param {string | undefined} cookie the Cookie header
   * @param {number} from where the visitor's cookie value starts in it, -1 without one
   * @param {string | undefined} agent the User-Agent header
   * @param {string | undefined} address the connection's peer address, when the caller has it
   */
  function put(req, h, path, cookie, from, agent, address) {
    if (time === null) time = timeBytes(now());
    let ip = address ?? req.socket?.remoteAddress ?? "";
    let ipFrom = 0;
    // (X-Forwarded-For only read when trusted: each header looked up costs a line)
    if (TRUST_PROXY_HOPS > 0) ip = resolveClientIp(ip, h["x-forwarded-for"], TRUST_PROXY_HOPS);
    else ipFrom = socketAddressStart(ip);
    let end = putLine(buffer, buffered, time, path, ip, ipFrom, cookie, from, agent);
    if (end === -1) {
      if (buffered) write(take());
      time ??= timeBytes(now());
      end = putLine(buffer, 0, time, path, ip, ipFrom, cookie, from, agent);
      // more than the buffer's 16 KB of headers: on its own
      if (end === -1) {
        const visitor = from === -1 ? undefined : visitorValue(/** @type {string} */ (cookie), from);
        const publicId = /** @type {string} */ (ARTICLE_PAGE.exec(path.toString("latin1"))?.[1]);
        const client = ip.slice(ipFrom);
        write(
          Buffer.from(
            formatViewLine({ at: now(), publicId, visitor, ip: client, userAgent: agent }),
            "latin1",
          ),
        );
        // nothing is buffered, no flush is due: the next line takes the time anew
        time = null;
        return;
      }
    }
    buffered = end;
    if (buffered >= flushBytes) write(take());
    else if (!timer) {
      timer = setTimeout(flush, flushMs);
      timer.unref();
    }
  }

  /**
   * Logs the view when this response is an article page sent to a reader's browser. Call once
   * the status is set or when the response finished. On disk within `flushMs`, at once on `flush`
   * and `close`.
   * @param {import("node:http").IncomingMessage} req
   * @param {number} status
   * @param {string} [address] the connection's peer address (graceful-close.mjs), else read from its socket
   */
  function served(req, status, address) {
    const h = req.headers;
    const url = req.url ?? "";
    if (!isView(req, h, status) || !ARTICLE_PAGE.test(url)) return;
    const cookie = h.cookie;
    const from = visitorFrom(cookie, false);
    // a signed-in reader may be staff: their page sends the beacon, which Next.js answers
    if (from !== null) put(req, h, pathBytes(url), cookie, from, h["user-agent"], address);
  }

  /**
   * `served` for an article page the page cache sent from memory (its entry's `view`): what the
   * page cache tested already is not tested again (an article page's path, no session cookie).
   * @param {import("node:http").IncomingMessage} req
   * @param {number} status
   * @param {Buffer} path the page's path, as its entry keeps it (pathBytes)
   * @param {string} [address] as for `served`
   */
  function servedHit(req, status, path, address) {
    const h = req.headers;
    if (!isView(req, h, status)) return;
    const cookie = h.cookie;
    put(req, h, path, cookie, /** @type {number} */ (visitorFrom(cookie, true)), h["user-agent"], address);
  }

  return {
    served,
    servedHit,
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
