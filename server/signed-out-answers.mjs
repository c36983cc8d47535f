// @ts-check
// What a reader without a session gets from the per-reader requests public pages make after they
// load: the header's GET /api/me (who is signed in) and /api/me/notifications (the bell), and an
// article's GET /api/bookmarks/<id> (the 收藏 button) and /api/articles/<id>/my-comments (the
// reader's side of its comments). Without a session cookie every one of those answers is fixed,
// yet each went through Next.js' request pipeline (a few ms of CPU) while the page itself came
// from memory in about 60 µs: under a spike of readers these requests, four per article view, not
// the pages, were what the server could not keep up with. Answered here, before Next.js, with the
// bytes its routes send (e2e/public/signed-out-answers.spec.ts compares the two); a request with
// a session cookie (even an expired one: only Auth.js can tell) goes on to them.
import { securityHeaders } from "../next.config.js";
import { hasSessionCookie } from "./page-cache.mjs";

/**
 * A fixed JSON answer with the headers Next.js sends with it (next.config.js securityHeaders on
 * every response).
 * @param {unknown} value @param {Record<string, string>} headers
 */
function fixed(value, headers) {
  const body = JSON.stringify(value);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
      ...headers,
      ...Object.fromEntries(securityHeaders.map((h) => [h.key.toLowerCase(), h.value])),
    },
  };
}

// Each route's path (ids as lib/public-id.ts PUBLIC_ID_PATTERN) and its answer: the route's own
// for a reader who is not signed in
const ROUTES = [
  {
    // app/api/me/route.ts
    path: /^\/api\/me(?:\?|$)/,
    answer: fixed({ user: null }, { "cache-control": "no-store", vary: "Cookie" }),
  },
  {
    // app/api/me/notifications/route.ts, through secureRoute's jsonNoStore (lib/http/api-response.ts)
    path: /^\/api\/me\/notifications(?:\?|$)/,
    answer: fixed({ unread: null, items: [] }, { "cache-control": "private, no-store" }),
  },
  {
    // app/api/bookmarks/[publicId]/route.ts
    path: /^\/api\/bookmarks\/[A-Za-z0-9_-]{1,16}(?:\?|$)/,
    answer: fixed({ signedIn: false, bookmarked: false }, { "cache-control": "private, no-store" }),
  },
  {
    // app/api/articles/[publicId]/my-comments/route.ts
    path: /^\/api\/articles\/[A-Za-z0-9_-]{1,16}\/my-comments(?:\?|$)/,
    answer: fixed({ signedIn: false }, { "cache-control": "private, no-store" }),
  },
];

/**
 * Answers those GET requests (and HEAD) when they carry no session cookie.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} [observe]
 *   called before answering (the server's request metrics)
 * @returns {boolean} whether it answered
 */
export function answerSignedOut(req, res, observe) {
  const url = req.url ?? "";
  if (!url.startsWith("/api/") || (req.method !== "GET" && req.method !== "HEAD")) return false;
  const which = ROUTES.find((r) => r.path.test(url))?.answer;
  if (!which) return false;
  const h = req.headers;
  // a body is read, capped and refused by the guard (request-guard.mjs), never skipped here
  if (h["content-length"] !== undefined || h["transfer-encoding"] !== undefined) return false;
  if (h.cookie && hasSessionCookie(h.cookie)) return false;
  observe?.(req, res);
  res.writeHead(200, which.headers);
  res.end(req.method === "HEAD" ? undefined : which.body);
  return true;
}
