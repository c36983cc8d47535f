// @ts-check
// The article page's view beacon (POST /api/views/:publicId, sent by view-count.tsx), answered
// here without entering Next.js and without waiting for PostgreSQL: the same rules and the same
// answer as app/api/views/[publicId]/route.ts, which still serves signed-in readers (their
// session decides whether they are staff, and only Next.js reads sessions).
//
// Rules, as in lib/services/views/record-view.ts: our Origin (CSRF), a well-formed public id of
// a published article (404 otherwise), never a crawler (isBot), once per visitor per article per
// 30 minutes (the bl_vid cookie, else an id derived from address and user agent), and the figure
// to show in the answer. docs/request-path.md ("The view beacon") has the costs.
import { SESSION_COOKIE } from "./page-cache.mjs";
import { isBot } from "../lib/services/views/is-bot.mjs";
import { createViewDedupe } from "../lib/services/views/view-dedupe.mjs";
import { VISITOR_COOKIE, visitorIdFor } from "../lib/services/views/visitor-id.mjs";

/** lib/public-id.ts PUBLIC_ID_PATTERN, replicated (view-beacon.test.ts compares them). */
export const PUBLIC_ID = /^[A-Za-z0-9_-]{1,16}$/;
const PATH = /^\/api\/views\/([^/?#]*)(?:\?.*)?$/;

/** lib/security/origin.ts and lib/errors.ts, replicated (view-beacon.test.ts compares them). */
export const MESSAGES = {
  FORBIDDEN: "请求来源无法确认，已拒绝。请从本站页面重新操作。",
  NOT_FOUND: "没有找到该内容，它可能已被删除或尚未发布。",
  INVALID: "文章编号无效。",
  UNAVAILABLE: "服务器正忙，请稍后重试。",
};

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/**
 * lib/security/origin.ts allowedOrigins: SITE_URL's origin, plus its loopback twins outside production.
 * @param {string} site
 * @param {boolean} production
 */
export function allowedOrigins(site, production) {
  const url = new URL(site);
  const out = new Set([url.origin]);
  if (!production && LOOPBACK.includes(url.hostname))
    for (const host of LOOPBACK) out.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
  return out;
}

/**
 * The value of one cookie, and whether a session cookie is present.
 * @param {string | undefined} header
 */
function readCookies(header) {
  /** @type {string | undefined} */
  let visitor;
  let session = false;
  if (!header) return { visitor, session };
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    if (name === VISITOR_COOKIE) visitor = part.slice(eq + 1).trim();
    else if (SESSION_COOKIE.test(name) && part.slice(eq + 1).trim() !== "") session = true;
  }
  return { visitor, session };
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {string} [cookie]
 */
function send(res, status, body, cookie) {
  const json = JSON.stringify(body);
  /** @type {Record<string, string | number>} */
  const headers = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    // the same as Next.js' answer: per reader, never stored (lib/http/api-response.ts), and
    // nosniff like every same-origin response (next.config.js securityHeaders)
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  };
  if (cookie) headers["set-cookie"] = cookie;
  res.writeHead(status, headers);
  res.end(json);
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {keyof typeof MESSAGES} code
 */
function refuse(res, code) {
  const status = { FORBIDDEN: 403, NOT_FOUND: 404, INVALID: 400, UNAVAILABLE: 503 }[code];
  // lib/errors.ts UNAVAILABLE_RETRY_SECONDS
  if (code === "UNAVAILABLE") res.setHeader("retry-after", "5");
  send(res, status, { error: { code, message: MESSAGES[code] } });
}

/**
 * @param {{
 *   counter: import("./view-counter.mjs").ViewCounter,
 *   site?: string, production?: boolean,
 *   dedupe?: { shouldCount(visitorId: string, articleId: string): boolean | Promise<boolean> },
 * }} options
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => boolean}
 *   true when the request was a beacon and is answered here
 */
export function createViewBeacon({
  counter,
  site = (process.env.SITE_URL || "http://localhost:3000").replace(/\/+$/, ""),
  production = process.env.NODE_ENV === "production",
  dedupe = createViewDedupe(),
}) {
  const origins = allowedOrigins(site, production);
  const secure = site.startsWith("https:");
  const cookieTail = `; Path=/; Max-Age=${365 * 86_400}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {import("./view-counter.mjs").Article} article
   * @param {string | undefined} visitorCookie
   */
  function count(req, res, article, visitorCookie) {
    const ua = req.headers["user-agent"] ?? "";
    const ip = String(req.headers["x-byline-client-ip"] ?? "");
    const visitor = visitorIdFor(visitorCookie, ip, ua);
    /** @param {boolean} counted */
    const answer = (counted) => {
      if (counted) counter.add(article, visitor.id);
      send(
        res,
        200,
        { counted, views: counter.viewsOf(article) },
        visitor.isNew ? `${VISITOR_COOKIE}=${visitor.id}${cookieTail}` : undefined,
      );
    };
    if (isBot(ua)) return answer(false);
    const first = dedupe.shouldCount(visitor.id, article.id);
    // one of several workers asks the primary (primary-requests.mjs); alone, memory answers at once
    if (typeof first === "boolean") answer(first);
    else void first.then(answer);
  }

  return function beacon(req, res) {
    if (req.method !== "POST") return false;
    const m = PATH.exec(req.url ?? "");
    if (!m) return false;
    const cookies = readCookies(req.headers.cookie);
    // a signed-in reader may be staff (not counted): only Next.js reads sessions
    if (cookies.session) return false;
    const fetchSite = req.headers["sec-fetch-site"];
    const origin = req.headers.origin;
    if (fetchSite === "cross-site" || fetchSite === "same-site" || !origin || !origins.has(origin)) {
      refuse(res, "FORBIDDEN");
      return true;
    }
    const publicId = m[1] ?? "";
    if (!PUBLIC_ID.test(publicId)) {
      refuse(res, "INVALID");
      return true;
    }
    const known = counter.peek(publicId);
    if (known === null) refuse(res, "NOT_FOUND");
    else if (known) count(req, res, known, cookies.visitor);
    else
      counter.lookup(publicId).then(
        (article) => (article ? count(req, res, article, cookies.visitor) : refuse(res, "NOT_FOUND")),
        () => refuse(res, "UNAVAILABLE"),
      );
    return true;
  };
}
