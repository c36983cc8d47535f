// @ts-check
/**
 * The view log: one line per article page served to a reader, written where the page is served
 * (the front's nginx, deploy/nginx.conf `byline_views`, and the server's page cache,
 * server/view-log.mjs) and counted later, off the readers' path, by server/view-log-counter.mjs.
 * The page request is the view: no beacon, no second request per page (issue 12).
 *
 *   <seconds.millis> <public id> <bl_vid cookie or -> <client address> <user agent or ->
 *
 * nginx writes the same fields in the same order (its `$msec`, and `-` for an empty variable),
 * escaping `"`, `\` and bytes outside printable ASCII as \xHH; escapeLogText does the same here,
 * so a reader's user agent reads the same from either writer.
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

const NEEDS_ESCAPE = /["\\\x00-\x1f\x7f-\uffff]/;

/**
 * nginx's default log escaping: `"` `\` and bytes outside 0x20-0x7e as \xHH. Node holds a header
 * value as latin1 (one byte per character), so each character is one byte here.
 * @param {string} s
 */
export function escapeLogText(s) {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff;
    out +=
      c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c
        ? `\\x${c.toString(16).toUpperCase().padStart(2, "0")}`
        : s[i];
  }
  return out;
}

/**
 * Whether a request for a page is one a reader's browser made to display it: not a prefetch, not
 * a frame or a fetch. Browsers send Sec-Fetch-Dest; a client that sends none (an older browser,
 * a plain HTTP client) is counted, and crawlers are told apart by their user agent when counted.
 * @param {import("node:http").IncomingHttpHeaders} h
 */
export function isDocumentRequest(h) {
  const dest = h["sec-fetch-dest"];
  if (dest !== undefined && dest !== "document") return false;
  const purpose = h["sec-purpose"] ?? h["purpose"];
  return purpose === undefined || !String(purpose).includes("prefetch");
}

/** @typedef {{ at: number, publicId: string, visitor: string | undefined, ip: string, userAgent: string | undefined }} View */

/**
 * One line of the log (with its newline). The server puts the same bytes straight into its
 * buffer (server/view-line.mjs); this is the reference its test compares against.
 * @param {View} v
 */
export function formatViewLine({ at, publicId, visitor, ip, userAgent }) {
  const field = (/** @type {string | undefined} */ s) => (s ? escapeLogText(s) : "-");
  return `${(at / 1000).toFixed(3)} ${publicId} ${field(visitor)} ${field(ip)} ${field(userAgent)}\n`;
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
  const [msec = "", publicId = "", visitor = "", ip = ""] = f;
  const at = Math.round(Number(msec) * 1000);
  if (!Number.isFinite(at) || at <= 0 || !PUBLIC_ID.test(publicId) || !ip) return null;
  const ua = line.slice(from);
  return {
    at,
    publicId,
    visitor: visitor === "-" ? undefined : visitor,
    ip: ip === "-" ? "" : ip,
    userAgent: ua === "-" ? "" : ua,
  };
}
