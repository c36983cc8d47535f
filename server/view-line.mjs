// @ts-check
// A view log line put straight into the writer's buffer, byte by byte: the bytes formatViewLine
// (lib/services/views/view-log.mjs, the reference; view-line.test.ts compares the two) makes as a
// string. On the page cache's hit path, a line made as a string (a template, flattened, then
// copied into the buffer) cost the server about 2 µs of CPU a page under load, against 0.3 µs in
// a warm loop: the strings and the copy between JavaScript and C++ are what a busy server pays
// for, not the characters (docs/request-path.md "Views"). Here nothing is allocated per line: the
// time's bytes are made once a millisecond, a user agent's escaped bytes once (the last 512 kept).
import { escapeLogText } from "../lib/services/views/view-log.mjs";

/** `\xHH`'s digits, as nginx writes them. */
const HEX = Buffer.from("0123456789ABCDEF", "latin1");
const DASH = 0x2d;
const SPACE = 0x20;
const NEWLINE = 0x0a;
/** `/posts/`: where an article page's public id starts in its URL. */
const ID_FROM = 7;
/** The longest public id (lib/public-id.ts). */
const ID_MAX = 16;

/**
 * Puts `s` at `at`, escaped as nginx's log does (escapeLogText); returns the offset after it.
 * @param {Buffer} buf @param {number} at @param {string} s
 */
function putEscaped(buf, at, s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff;
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      buf[at++] = 0x5c;
      buf[at++] = 0x78;
      buf[at++] = /** @type {number} */ (HEX[c >> 4]);
      buf[at++] = /** @type {number} */ (HEX[c & 15]);
    } else buf[at++] = c;
  }
  return at;
}

/**
 * @returns {(buf: Buffer, at: number, view: { at: number, url: string, visitor: string | undefined,
 *   ip: string, userAgent: string | undefined }) => number} puts one line (with its newline) for
 *   an article page's URL (`/posts/<public id>`, ARTICLE_PAGE) at `at`; the offset after it, or -1
 *   when the line might not fit in what is left (nothing written then)
 */
export function createLinePutter() {
  let lastAt = NaN;
  let time = Buffer.alloc(0);
  /** @type {Map<string, Buffer>} a user agent's escaped bytes */
  const agents = new Map();
  return (buf, at, { at: ms, url, visitor, ip, userAgent }) => {
    if (ms !== lastAt) {
      lastAt = ms;
      time = Buffer.from((ms / 1000).toFixed(3), "latin1");
    }
    /** @type {Buffer | undefined} */
    let ua;
    if (userAgent) {
      ua = agents.get(userAgent);
      if (ua === undefined) {
        ua = Buffer.from(escapeLogText(userAgent), "latin1");
        if (agents.size >= 512) agents.clear();
        agents.set(userAgent, ua);
      }
    }
    // each character of the visitor and the address may take four bytes escaped
    const most =
      time.length + ID_MAX + 4 * ((visitor?.length ?? 1) + (ip.length || 1)) + (ua?.length ?? 1) + 5;
    if (at + most > buf.length) return -1;
    buf.set(time, at);
    at += time.length;
    buf[at++] = SPACE;
    const q = url.indexOf("?", ID_FROM);
    // the URL matched ARTICLE_PAGE: the id's characters are [A-Za-z0-9_-]
    for (let i = ID_FROM, end = q === -1 ? url.length : q; i < end; i++) buf[at++] = url.charCodeAt(i);
    buf[at++] = SPACE;
    if (visitor) at = putEscaped(buf, at, visitor);
    else buf[at++] = DASH;
    buf[at++] = SPACE;
    if (ip) at = putEscaped(buf, at, ip);
    else buf[at++] = DASH;
    buf[at++] = SPACE;
    if (ua) {
      buf.set(ua, at);
      at += ua.length;
    } else buf[at++] = DASH;
    buf[at++] = NEWLINE;
    return at;
  };
}
