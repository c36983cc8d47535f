// @ts-check
/**
 * The view log: one line per article page served to a reader, written where the page is served
 * (the front's nginx, deploy/nginx.conf `byline_views`, and the server's page cache,
 * server/view-log.mjs) and counted later, off the readers' path, by server/view-log-counter.mjs.
 * The page request is the view: no beacon, no second request per page (issue 12).
 *
 *   <seconds.millis> <path> <bl_vid cookie> <client address> <user agent>
 *
 * nginx writes the same fields in the same order (its `$msec`, `$uri`, and nothing for an empty
 * variable: with escape=none it writes no `-`). Neither writer escapes: the user agent is the last field and no header value can hold
 * a line break (nginx and Node refuse CR, LF and NUL in one), so a line is read back whole, its
 * bytes as latin1, which is how Node holds a header's value: a reader's user agent reads the same
 * from either writer. The reader checks every field instead: the path must be an article page's,
 * the address an address (a cookie with a space in it shifts the fields after it), else the line
 * is skipped. Lines written before the path was logged hold the bare public id and `-` for an
 * empty field, still read.
 */

/** lib/public-id.ts PUBLIC_ID_PATTERN (server/view-beacon.test.ts compares them). */
const PUBLIC_ID = /^[A-Za-z0-9_-]{1,16}$/;

/**
 * A client address as nginx and Node write it: IPv4, IPv6 (an IPv4-mapped one, a link-local one
 * with its zone), nginx's `unix:` for a socket, or none (empty; `-` in older lines).
 */
const ADDRESS = /^(?:[0-9A-Fa-f:.]{2,45}(?:%[\w.-]{1,16})?|unix:|-|)$/;

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
 * (Sec-Purpose), not a frame, an image or a fetch (Sec-Fetch-Dest). A client that sends no
 * Sec-Fetch-Dest (an older browser, a plain HTTP client) is counted, and crawlers are told apart by
 * their user agent when counted. The front's `$byline_view` (deploy/nginx.conf) is the same test.
 * The legacy `Purpose: prefetch` is not read: the browsers that send it (Chrome's link prefetch,
 * before Sec-Purpose) send Sec-Fetch-Dest: empty with it.
 * @param {import("node:http").IncomingHttpHeaders} h
 */
export function isDocumentRequest(h) {
  const dest = h["sec-fetch-dest"];
  return !h.rsc && (!dest || dest === "document") && !h["sec-purpose"];
}

/** @typedef {{ at: number, publicId: string, visitor: string | undefined, ip: string, userAgent: string | undefined }} View */

/**
 * One line of the log (with its newline). The server puts the same bytes straight into its
 * buffer (server/view-line.mjs); this is the reference its test compares against.
 * @param {View} v
 */
export function formatViewLine({ at, publicId, visitor, ip, userAgent }) {
  return `${(at / 1000).toFixed(3)} ${ARTICLE_PREFIX}${publicId} ${visitor ?? ""} ${ip} ${userAgent ?? ""}\n`;
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
  const [msec = "", page = "", visitor = "", ip = ""] = f;
  const at = Math.round(Number(msec) * 1000);
  const publicId = page.startsWith(ARTICLE_PREFIX) ? page.slice(ARTICLE_PREFIX.length) : page;
  if (!Number.isFinite(at) || at <= 0 || !PUBLIC_ID.test(publicId) || !ADDRESS.test(ip)) return null;
  const ua = line.slice(from);
  return {
    at,
    publicId,
    visitor: visitor === "-" || visitor === "" ? undefined : visitor,
    ip: ip === "-" ? "" : ip,
    userAgent: ua === "-" ? "" : ua,
  };
}
