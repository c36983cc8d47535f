// @ts-check
// Answers our HTTP server gives itself, before or instead of Next.js: 400 for a malformed
// path, 413 for a body over its route's limit, 503 when an expensive route is saturated.
import http from "node:http";

/** @typedef {import("node:http").IncomingMessage} Request */
/** @typedef {import("node:http").ServerResponse} Response */

/** @type {Record<number, string>} */
const CODES = { 400: "INVALID", 413: "PAYLOAD_TOO_LARGE", 503: "OVERLOADED" };
/** @type {Record<number, string>} */
const TITLES = { 400: "请求地址无效", 413: "请求内容过大", 503: "服务器繁忙" };

/**
 * API, server-action and client-router callers read JSON; a browser navigating reads a page.
 * @param {Request} req
 */
function wantsJson(req) {
  const accept = String(req.headers.accept ?? "");
  return (
    (req.url ?? "").startsWith("/api/") ||
    Boolean(req.headers["next-action"]) ||
    Boolean(req.headers.rsc) ||
    accept.includes("application/json") ||
    accept.includes("text/x-component")
  );
}

/** @param {string} s */
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {number} status
 * @param {string} message
 * @param {string} [title]
 */
function page(status, message, title = TITLES[status] ?? "请求失败") {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} - 署名 Byline</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}a{color:#1f58bf}</style></head><body><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="/">返回首页</a></p></body></html>`;
}

/** How long a refused connection stays half-open (our side done, theirs still sending) before it is cut. */
const LINGER_MS = 2_000;

/**
 * Closing a socket the client is still writing to makes the kernel answer with a reset, and a
 * client that gets the reset before it has read our response reports a network error instead of
 * our 413. So: stop reading the body (the client's writes stall in its buffers), send the
 * response and our FIN, and cut the connection only after LINGER_MS or when the client closes.
 * @param {Request} req
 */
function closeAfterLinger(req) {
  req.push = () => false;
  const socket = /** @type {import("node:net").Socket & { destroySoon(): void }} */ (req.socket);
  socket.destroySoon = function () {
    if (this.writable) this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref?.();
    this.once("close", () => clearTimeout(timer));
  };
}

/**
 * Sends the refusal with the prototype's own methods: the compression and nonce rewrite may
 * already have wrapped `res`, and Next.js may still be holding it (a body found too large while
 * streaming), so nothing of theirs must run. Unless `keepAlive` (the body is then read and
 * discarded by Node.js, as for any unread body), the body is not read and the connection closes.
 * @param {Request} req
 * @param {Response} res
 * @param {number} status
 * @param {string} message
 * @param {{ headers?: Record<string, string>, keepAlive?: boolean, code?: string, title?: string }} [options]
 *   code and title replace the status's own (JSON error code, page heading)
 * @returns {boolean} false when a response had already begun (nothing was sent)
 */
export function refuse(req, res, status, message, { headers = {}, keepAlive = false, code, title } = {}) {
  if (res.headersSent || res.writableEnded) return false;
  const json = wantsJson(req);
  const body = json
    ? JSON.stringify({ error: { code: code ?? CODES[status] ?? "INVALID", message } })
    : page(status, message, title);
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  // a client still waiting for "100 Continue" will not send its body: the connection cannot be reused
  if (/100-continue/i.test(String(req.headers.expect ?? ""))) keepAlive = false;
  if (!keepAlive) {
    res.shouldKeepAlive = false;
    closeAfterLinger(req);
  }
  http.ServerResponse.prototype.writeHead.call(res, status, {
    "Content-Type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy":
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    ...headers,
  });
  /** @type {(this: Response, chunk?: string) => Response} */ (http.ServerResponse.prototype.end).call(
    res,
    req.method === "HEAD" ? undefined : body,
  );
  return true;
}

/**
 * After our refusal, whatever Next.js still writes to `res` goes nowhere (it would throw ERR_HTTP_HEADERS_SENT).
 * @param {Response} res
 */
export function silence(res) {
  const noop = () => res;
  res.writeHead = noop;
  res.setHeader = noop;
  res.appendHeader = noop;
  res.removeHeader = noop;
  res.flushHeaders = () => {};
  /** @param {unknown[]} args */
  const callBack = (args) =>
    /** @type {(() => void) | undefined} */ (args.find((a) => typeof a === "function"))?.();
  res.write = (/** @type {unknown[]} */ ...args) => (callBack(args), true);
  res.end = (/** @type {unknown[]} */ ...args) => (callBack(args), res);
}
