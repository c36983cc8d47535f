// @ts-check
// Request body limits, decided per route before Next.js reads a byte: a declared
// Content-Length over the limit is refused at once, a chunked body is counted as it arrives and
// cut off at the limit. Next.js would otherwise buffer the body (its proxy clones every request
// body into memory) and answer its own limits with a 500.

const KB = 1024;
const MB = 1024 * KB;

/** Bytes per route kind; docs/security.md lists the same figures. */
export const BODY_LIMITS = {
  /** POST /api/views/:id: the beacon sends no body at all */
  beacon: 1 * KB,
  /** POST /api/media: a 10 MB image (lib/services/media/upload-image.ts) and its multipart envelope */
  upload: 10 * MB + 64 * KB,
  /** POST /api/admin/transfer/import: a site archive, streamed to disk (lib/transfer/format.ts ARCHIVE_LIMITS) */
  siteImport: 1024 * MB,
  /** Admin API article writes (lib/api/admin-route.ts): an article body of up to 500 KB as JSON */
  adminApi: 1 * MB,
  /** every other /api route: small JSON or forms (lib/security/route.ts reads at most 64 KB) */
  api: 64 * KB,
  /** server actions (POSTs to pages): an article save is at most 500 KB of body JSON, encoded once more by React; avatars ≤ 900 KB */
  action: 2 * MB,
  /** anything else: a GET or HEAD carries no body we read */
  other: 64 * KB,
};

/** @typedef {keyof typeof BODY_LIMITS} BodyKind */

/** The image uploads (the editor's and the Admin API's): their body limit and their concurrency gate. */
export const UPLOAD_PATHS = new Set(["/api/media", "/api/v1/admin/media"]);

/**
 * The route kind of a request, by method and path only (the path is already known to be well formed).
 * @param {string | undefined} method
 * @param {string} pathname
 * @returns {BodyKind}
 */
export function bodyKind(method, pathname) {
  if (pathname.startsWith("/api/views/")) return "beacon";
  if (UPLOAD_PATHS.has(pathname)) return "upload";
  if (pathname.startsWith("/api/v1/admin/")) return "adminApi";
  if (pathname === "/api/admin/transfer/import") return "siteImport";
  if (pathname.startsWith("/api/")) return "api";
  if (method === "POST") return "action";
  return "other";
}

/** @param {number} n */
const formatBytes = (n) => (n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : `${Math.round(n / KB)} KB`);

/**
 * @param {BodyKind} kind
 * @param {number} limit
 */
export function tooLargeMessage(kind, limit) {
  if (kind === "upload") return "图片不能超过 10 MB，请压缩后再上传。";
  if (kind === "siteImport") return "站点归档不能超过 1 GB。";
  return `请求内容过大（上限 ${formatBytes(limit)}），请精简内容后重试。`;
}

/**
 * True when the request declares more than `limit` bytes (an unparseable length counts as too much).
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {number} limit
 */
export function declaresTooMuch(headers, limit) {
  const raw = headers["content-length"];
  if (raw === undefined) return false;
  const n = Number(raw);
  return !Number.isSafeInteger(n) || n < 0 || n > limit;
}

/**
 * Counts the body as the HTTP parser hands it over (IncomingMessage#push, whoever reads it
 * later) and calls `onExceeded` once when it passes `limit`: that chunk and all later ones are
 * dropped and the socket stops reading (a push returning false pauses it).
 * @param {import("node:http").IncomingMessage} req
 * @param {number} limit
 * @param {() => void} onExceeded
 */
export function capBody(req, limit, onExceeded) {
  const push = req.push;
  let seen = 0;
  let exceeded = false;
  /** @type {(chunk: Buffer | null | undefined, encoding?: BufferEncoding) => boolean} */
  req.push = function (chunk, encoding) {
    if (chunk === null || chunk === undefined) return exceeded ? false : push.call(this, chunk, encoding);
    if (exceeded) return false;
    seen += chunk.length;
    if (seen > limit) {
      exceeded = true;
      onExceeded();
      return false;
    }
    return push.call(this, chunk, encoding);
  };
}

/**
 * Feeds each body chunk to `exceeds(chunk)` as the parser hands it over (like capBody) and calls
 * `onExceeded` once when it answers true; that chunk and later ones are dropped.
 * @param {import("node:http").IncomingMessage} req
 * @param {(chunk: Buffer) => boolean} exceeds
 * @param {() => void} onExceeded
 */
export function inspectBody(req, exceeds, onExceeded) {
  const push = req.push;
  let exceeded = false;
  /** @type {(chunk: Buffer | null | undefined, encoding?: BufferEncoding) => boolean} */
  req.push = function (chunk, encoding) {
    if (chunk === null || chunk === undefined) return exceeded ? false : push.call(this, chunk, encoding);
    if (exceeded) return false;
    if (exceeds(chunk)) {
      exceeded = true;
      onExceeded();
      return false;
    }
    return push.call(this, chunk, encoding);
  };
}
