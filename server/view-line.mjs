// @ts-check
// A view log line put straight into the writer's buffer, byte by byte: the bytes formatViewLine
// (lib/services/views/view-log.mjs, the reference; view-line.test.ts compares the two) makes as a
// string. On the page cache's hit path, a line made as a string (a template, flattened, then
// copied into the buffer) cost the server about 2 µs of CPU a page under load, against 0.3 µs in
// a warm loop: the strings and the copy between JavaScript and C++ are what a busy server pays
// for, not the characters (docs/request-path.md "Views"). Here nothing is allocated per line: the
// time's digits are put one by one, a user agent's bytes made once and kept (512 slots).
// Counted with `npm run bench:view-instructions`: a Map of user agents hashed each request's new
// string whole (about 170 ns a line, more than the rest of the line), and the time made as a
// string once a millisecond allocated a Buffer that often.

const SPACE = 0x20;
const NEWLINE = 0x0a;
/** `/posts/<public id>`: the longest an article page's path is (lib/public-id.ts). */
const PATH_MAX = 7 + 16;

/**
 * Puts `s` at `at`, one byte a character (latin1, as Node holds a header's value, and as nginx
 * writes the bytes it received); returns the offset after it.
 * @param {Buffer} buf @param {number} at @param {string} s
 */
function putLatin1(buf, at, s) {
  for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
  return at;
}

const AGENT_SLOTS = 512;

/**
 * A user agent's slot: from its length and four of its characters, since hashing it whole is
 * what made a Map cost. Two agents that share a slot take turns (each line stays exact).
 * @param {string} s not empty
 */
function agentSlot(s) {
  const n = s.length;
  const mix =
    n * 31 +
    s.charCodeAt(n >> 1) * 17 +
    s.charCodeAt(n - 1) * 7 +
    s.charCodeAt(n >> 2) * 5 +
    s.charCodeAt((3 * n) >> 2) * 3;
  return mix & (AGENT_SLOTS - 1);
}

/** The most bytes of a time: 13 digits of seconds (until the year 318857), a point, 3 of ms. */
const TIME_MAX = 17;

/**
 * `<seconds>.<milliseconds>` (nginx's $msec), digit by digit; the offset after it.
 * @param {Buffer} buf @param {number} at @param {number} ms a time in ms since 1970, ≥ 0
 */
function putTime(buf, at, ms) {
  let seconds = Math.floor(ms / 1000);
  const millis = ms - seconds * 1000;
  let end = at + 1;
  for (let p = 10; p <= seconds; p *= 10) end++;
  for (let i = end - 1; i >= at; i--) {
    buf[i] = 0x30 + (seconds % 10);
    seconds = Math.floor(seconds / 10);
  }
  buf[end] = 0x2e;
  buf[end + 1] = 0x30 + Math.floor(millis / 100);
  buf[end + 2] = 0x30 + (Math.floor(millis / 10) % 10);
  buf[end + 3] = 0x30 + (millis % 10);
  return end + 4;
}

/**
 * @returns {(buf: Buffer, at: number, view: { at: number, url: string, visitor: string | undefined,
 *   ip: string, userAgent: string | undefined }) => number} puts one line (with its newline) for
 *   an article page's URL (`/posts/<public id>`, ARTICLE_PAGE) at `at`; the offset after it, or -1
 *   when the line might not fit in what is left (nothing written then)
 */
export function createLinePutter() {
  /** Kept user agents, by agentSlot, and their bytes: a newcomer replaces its slot's. */
  const agents = new Array(AGENT_SLOTS).fill("");
  const bytes = new Array(AGENT_SLOTS).fill(Buffer.alloc(0));
  return (buf, at, { at: ms, url, visitor, ip, userAgent }) => {
    /** @type {Buffer | undefined} */
    let ua;
    if (userAgent) {
      const slot = agentSlot(userAgent);
      if (agents[slot] === userAgent) ua = bytes[slot];
      else {
        ua = Buffer.from(userAgent, "latin1");
        agents[slot] = userAgent;
        bytes[slot] = ua;
      }
    }
    const most = TIME_MAX + PATH_MAX + (visitor?.length ?? 0) + ip.length + (ua?.length ?? 0) + 5;
    if (at + most > buf.length) return -1;
    at = putTime(buf, at, ms);
    buf[at++] = SPACE;
    // the path without its query; the URL matched ARTICLE_PAGE: [A-Za-z0-9_/-]
    const q = url.indexOf("?");
    for (let i = 0, end = q === -1 ? url.length : q; i < end; i++) buf[at++] = url.charCodeAt(i);
    buf[at++] = SPACE;
    // the address before the cookie, as nginx writes them; an empty field is empty (escape=none)
    at = putLatin1(buf, at, ip);
    buf[at++] = SPACE;
    if (visitor) at = putLatin1(buf, at, visitor);
    buf[at++] = SPACE;
    if (ua) {
      buf.set(ua, at);
      at += ua.length;
    }
    buf[at++] = NEWLINE;
    return at;
  };
}
