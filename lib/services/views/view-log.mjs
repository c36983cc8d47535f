// @ts-check
/**
 * The view log: one line per article page served to a reader, written where the page is served
 * (the front's nginx, deploy/nginx.conf `byline_views`, and the server's page cache,
 * server/view-log.mjs) and counted later, off the readers' path, by server/view-log-counter.mjs.
 * The page request is the view: no beacon, no second request per page (issue 12).
 *
 *   <seconds.millis> <path> <client address> <bl_vid cookie> <user agent>
 *
 * nginx writes the same fields in the same order (`$msec $request_uri $remote_addr $cookie_bl_vid
 * $http_user_agent`, nothing for an empty variable: with escape=none it writes no `-`); the path
 * as the request had it, its query included (the server writes the path alone). Neither writer
 * escapes, and no field can break a line: nginx and Node refuse CR, LF and NUL in a header's value
 * and spaces and control characters in the request line, and the path is the raw one (an encoded
 * line break stays `%0A`). The bytes are read as latin1, which is how Node holds a header's value,
 * so a reader's user agent reads the same from either writer. A field may hold a space only in the
 * cookie (a client's own, invalid, value), which then spills into the user agent, the last field:
 * the address before it stays whole. Lines written before the path was logged hold the bare public
 * id, then the cookie, then the address, `-` for an empty field: still read.
 */

/** lib/public-id.ts PUBLIC_ID_PATTERN (server/view-beacon.test.ts compares them). */
const PUBLIC_ID = /^[A-Za-z0-9_-]{1,16}$/;

/** An article page, as readers open it: `/posts/<public id>`, with or without a query. */
export const ARTICLE_PAGE = /^\/posts\/([A-Za-z0-9_-]{1,16})(?:\?|$)/;

/**
 * The request header the front sets on what it passes on: it logs those views itself, so the
 * server must not log them again.
 */
export const FRONT_LOGGED_HEADER = "x-byline-view-logged";

/**
 * What the page says to its own script (Server-Timing, read from the navigation entry by
 * view-count.tsx): this page's request is counted as the view, send no beacon.
 */
export const SERVER_TIMING = "bl-view";

/** Where an article page's public id starts in its path. */
const ARTICLE_PREFIX = "/posts/";

/**
 * Whether a request for a page is one a reader's browser made to display it: not a Next.js router
 * request (navigations and prefetches all say `RSC: 1`), not a browser's prefetch or prerender
 * (Sec-Purpose, or the legacy Purpose of Chromium's older prefetch and prerender), not a frame, an
 * image or a fetch (Sec-Fetch-Dest). A client that sends no Sec-Fetch-Dest (an older browser, a
 * plain HTTP client) is counted, and crawlers are told apart by their user agent when counted. An
 * empty header is an absent one, as nginx's variables see it. The front's `$byline_view`
 * (deploy/nginx.conf) is the same test but for letter case (its map keys match in any case).
 * @param {import("node:http").IncomingHttpHeaders} h
 */
export function isDocumentRequest(h) {
  const dest = h["sec-fetch-dest"];
  return !h.rsc && (!dest || dest === "document") && !h["sec-purpose"] && !h.purpose;
}

/** @typedef {{ at: number, publicId: string, visitor: string | undefined, ip: string, userAgent: string | undefined }} View */

/**
 * One line of the log (with its newline). The server puts the same bytes straight into its
 * buffer (server/view-line.mjs); this is the reference its test compares against.
 * @param {View} v
 */
export function formatViewLine({ at, publicId, visitor, ip, userAgent }) {
  return `${(at / 1000).toFixed(3)} ${ARTICLE_PREFIX}${publicId} ${ip} ${visitor ?? ""} ${userAgent ?? ""}\n`;
}

/**
 * @typedef {{ at: number, publicId: string, visitor: string | undefined, ip: string, userAgent: string }} ViewLine
 */

/**
 * A line of the log, or null when it is not one (a torn or foreign line is skipped, never counted).
 * @param {string} line without its newline
 * @returns {ViewLine | null}
 */
export function parseViewLine(line) {
  let from = 0;
  /** @type {string[]} */
  const f = [];
  for (let i = 0; i < 4; i++) {
    const sp = line.indexOf(" ", from);
    if (sp === -1) return null;
    f.push(line.slice(from, sp));
    from = sp + 1;
  }
  const [msec = "", page = "", third = "", fourth = ""] = f;
  const at = Math.round(Number(msec) * 1000);
  // this format: the path (its query cut), then the address; before it, the id, then the cookie
  const current = page.startsWith(ARTICLE_PREFIX);
  const query = page.indexOf("?");
  const publicId = current ? page.slice(ARTICLE_PREFIX.length, query === -1 ? page.length : query) : page;
  const ip = current ? third : fourth;
  const visitor = current ? fourth : third;
  if (!Number.isFinite(at) || at <= 0 || !PUBLIC_ID.test(publicId)) return null;
  const ua = line.slice(from);
  return {
    at,
    publicId,
    visitor: visitor === "-" || visitor === "" ? undefined : visitor,
    ip: ip === "-" ? "" : ip,
    userAgent: ua === "-" ? "" : ua,
  };
}
