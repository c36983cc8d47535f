// @ts-check
/**
 * The view log: one line per article page request, written where the page is served (the
 * front's nginx, deploy/nginx.conf `byline_article`, and the server's page cache,
 * server/view-log.mjs) and counted later, off the readers' path, by server/view-log-counter.mjs.
 * The page request is the view: no beacon, no second request per page (issue 12).
 *
 * The server logs views only (its own test, isDocumentRequest below):
 *
 *   <seconds.millis> <path> <client address> <bl_vid cookie> <user agent>
 *
 * The front logs every request for an article page, its access log line for them (`$request_method
 * $time_iso8601 $request_uri $status $remote_addr $byline_session …`, the fields deploy/nginx.conf lists),
 * and the counter makes the same test on what it holds (parseFrontLine): a test in nginx cost it
 * more than the line. Its lines begin with the method (letters), the server's with the time
 * (digits). nginx writes nothing for an empty variable (escape=none: no `-`) and the path as the
 * request had it, its query included (the server writes the path alone). Neither writer escapes,
 * and no field can break a line: nginx and Node refuse CR, LF and NUL in a header's value and
 * spaces and control characters in the request line, and the path is the raw one (an encoded line
 * break stays `%0A`). The bytes are read as latin1, which is how Node holds a header's value, so a
 * reader's user agent reads the same from either writer. The fields a client chooses come after
 * those the writer makes, the user agent last: a value holding a space (a cookie, a header made
 * by hand) moves only the later fields of its own request's line. Lines written before the path
 * was logged hold the bare public id, then the cookie, then the address, `-` for an empty field:
 * still read.
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
 * empty header is an absent one, as nginx's variables see it. The front's lines get the same test
 * when counted (parseFrontLine), with what they hold: for a navigation the reader made
 * (`Sec-Fetch-User: ?1`) the front looks up neither the destination nor the purposes.
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
 * The first `count` space-separated fields of a line and the offset of what follows them, or null
 * when it has fewer.
 * @param {string} line @param {number} count
 */
function leadingFields(line, count) {
  let from = 0;
  /** @type {string[]} */
  const fields = [];
  for (let i = 0; i < count; i++) {
    const sp = line.indexOf(" ", from);
    if (sp === -1) return null;
    fields.push(line.slice(from, sp));
    from = sp + 1;
  }
  return { fields, rest: from };
}

/**
 * The view of a line, null when the line says none.
 * @param {number} at ms since 1970 @param {string} page `/posts/<id>`, a query allowed; or a bare
 *   id (legacy) @param {string} ip @param {string} visitor @param {string} ua
 * @returns {ViewLine | null}
 */
function viewOf(at, page, ip, visitor, ua) {
  const current = page.startsWith(ARTICLE_PREFIX);
  const query = page.indexOf("?");
  const publicId = current ? page.slice(ARTICLE_PREFIX.length, query === -1 ? page.length : query) : page;
  if (!Number.isFinite(at) || at <= 0 || !PUBLIC_ID.test(publicId)) return null;
  return {
    at,
    publicId,
    visitor: visitor === "-" || visitor === "" ? undefined : visitor,
    ip: ip === "-" ? "" : ip,
    userAgent: ua === "-" ? "" : ua,
  };
}

/**
 * The fields of the front's line the counter reads (deploy/nginx.conf `byline_article`): method,
 * time (ISO 8601, to the second), path, status, address, signed in, cache status, bytes, request
 * time, request id, then four fields for how the browser fetched the page (`$byline_fetch`: RSC,
 * Sec-Fetch-Dest, Sec-Purpose, Purpose; with `?1`, Sec-Fetch-User's value, and two empty fields
 * where the destination and the purposes go for a navigation the reader made, none of them looked
 * up; the three empty with RSC), the bl_vid cookie; then the app's cache status and the user agent.
 */
const FRONT_FIELDS = 16;

/**
 * The front's access line of an article page's request: the view when a reader's browser opened
 * the page (isDocumentRequest's test on what nginx logged, a GET answered 200, or 304 for a copy
 * the browser revalidated, not signed in).
 * @param {string} line
 */
function parseFrontLine(line) {
  const read = leadingFields(line, FRONT_FIELDS);
  if (!read) return null;
  const [
    method,
    time = "",
    page = "",
    status,
    ip = "",
    session,
    ,
    ,
    ,
    ,
    rsc,
    dest,
    secPurpose,
    purpose,
    visitor,
  ] = read.fields;
  if (method !== "GET" || (status !== "200" && status !== "304") || session !== "0") return null;
  // `?1` where the destination goes: a navigation the reader made (Sec-Fetch-User), which no
  // prefetch, prerender or fetch carries, so the front looked up neither the destination nor the
  // purposes; a frame a page adds within seconds of its reader's click carries it too, and counts
  const headers =
    dest === "?1" && !secPurpose && !purpose
      ? { rsc }
      : { rsc, "sec-fetch-dest": dest, "sec-purpose": secPurpose, purpose };
  if (!isDocumentRequest(headers)) return null;
  if (!page.startsWith(ARTICLE_PREFIX)) return null;
  return viewOf(Date.parse(time), page, ip, visitor ?? "", line.slice(read.rest));
}

/**
 * A line of the log as a view, or null when it is none: a torn or foreign line, or the front's
 * line of a request that was not a view, is skipped, never counted. The front's lines begin with
 * the request's method (letters), the server's with the time (digits).
 * @param {string} line without its newline
 * @returns {ViewLine | null}
 */
export function parseViewLine(line) {
  const first = line.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39)) return parseFrontLine(line);
  const read = leadingFields(line, 4);
  if (!read) return null;
  const [msec = "", page = "", third = "", fourth = ""] = read.fields;
  // the server's line: the path (its query cut), then the address; before it, the id, then the cookie
  const current = page.startsWith(ARTICLE_PREFIX);
  const at = Math.round(Number(msec) * 1000);
  return viewOf(at, page, current ? third : fourth, current ? fourth : third, line.slice(read.rest));
}
