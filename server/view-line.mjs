// @ts-check
// A view log line put straight into the writer's buffer, byte by byte: the bytes formatViewLine
// (lib/services/views/view-log.mjs, the reference; view-line.test.ts compares the two) makes as a
// string. On the page cache's hit path, a line made as a string (a template, flattened, then
// copied into the buffer) cost the server about 2 µs of CPU a page under load, against 0.3 µs in
// a warm loop: the strings and the copy between JavaScript and C++ are what a busy server pays
// for, not the characters (docs/request-path.md "Views"). Here nothing is allocated per line of a
// page sent from the page cache (its entry keeps its path's bytes): the
// time's bytes are made once per write of the buffer (timeBytes) and copied, the visitor's copied
// straight from the Cookie header (no substring), a user agent's bytes made once and kept (512
// slots). Counted with `npm run bench:view-instructions`: a Map of user agents hashed each
// request's new string whole (about 170 ns a line, more than the rest of the line); the time made
// once a millisecond allocated a Buffer that often.

const SPACE = 0x20;
const NEWLINE = 0x0a;
// Called as setBytes.call(buf, …): the optimizing compiler calls it straight away, where buf.set
// was looked up on Buffer's prototype chain by a generic load for every copy (about 75
// instructions each, three a line, counted with npm run bench:view-instructions)
const setBytes = Uint8Array.prototype.set;

/**
 * Puts the characters of `s` from `from` to `to` at `at`, one byte a character (latin1, as Node
 * holds a header's value, and as nginx writes the bytes it received); returns the offset after them.
 * @param {Buffer} buf @param {number} at @param {string} s @param {number} from @param {number} to
 */
function putLatin1(buf, at, s, from, to) {
  for (let i = from; i < to; i++) buf[at++] = s.charCodeAt(i);
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
 * `<seconds>.<milliseconds>` (nginx's $msec) as bytes, digit by digit: made once for the lines put
 * until the buffer is next written (view-log.mjs), then copied into each.
 * @param {number} ms a time in ms since 1970, ≥ 0
 */
export function timeBytes(ms) {
  const buf = Buffer.alloc(TIME_MAX);
  let seconds = Math.floor(ms / 1000);
  const millis = ms - seconds * 1000;
  let end = 1;
  for (let p = 10; p <= seconds; p *= 10) end++;
  for (let i = end - 1; i >= 0; i--) {
    buf[i] = 0x30 + (seconds % 10);
    seconds = Math.floor(seconds / 10);
  }
  buf[end] = 0x2e;
  buf[end + 1] = 0x30 + Math.floor(millis / 100);
  buf[end + 2] = 0x30 + (Math.floor(millis / 10) % 10);
  buf[end + 3] = 0x30 + (millis % 10);
  return buf.subarray(0, end + 4);
}

/** What String.prototype.trim takes off a cookie's value, among latin1's characters. @param {number} c */
const isSpace = (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;

/**
 * The bytes of an article page's path, its query cut: what its view's line holds (the page cache
 * makes them once per stored page).
 * @param {string} url matched by ARTICLE_PAGE: [A-Za-z0-9_/-] before any query
 */
export function pathBytes(url) {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  // memory of its own: a slice of Node's shared pool would keep the pool's 8 KB alive with the entry
  const bytes = Buffer.allocUnsafeSlow(path.length);
  bytes.write(path, "latin1");
  return bytes;
}

/**
 * @returns {(buf: Buffer, at: number, time: Buffer, path: Buffer, ip: string, ipFrom: number,
 *   cookie: string | undefined, from: number, userAgent: string | undefined) => number} puts one
 *   line (with its newline) at `at`: `time` from timeBytes, `path` from pathBytes, the address `ip`
 *   from `ipFrom` on (past an IPv4 client's `::ffff:`, without a substring), the visitor the Cookie
 *   header's value that starts at `from` (to its `;`, trimmed; none when `from` is -1). The offset
 *   after it, or -1 when the line might not fit in what is left (nothing written then).
 */
export function createLinePutter() {
  /** Kept user agents, by agentSlot, and their bytes: a newcomer replaces its slot's. */
  const agents = new Array(AGENT_SLOTS).fill("");
  const bytes = new Array(AGENT_SLOTS).fill(Buffer.alloc(0));
  // Bytes made once are copied with setBytes; a string's are put one by one (charCodeAt and a store
  // each: counted, that is what a line cost, so only the address and the visitor are put so)
  return (buf, at, time, path, ip, ipFrom, cookie, from, userAgent) => {
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
    const visitor = cookie === undefined || from === -1 ? 0 : cookie.length - from;
    const most = time.length + path.length + visitor + ip.length - ipFrom + (ua?.length ?? 0) + 5;
    if (at + most > buf.length) return -1;
    setBytes.call(buf, time, at);
    at += time.length;
    buf[at++] = SPACE;
    setBytes.call(buf, path, at);
    at += path.length;
    buf[at++] = SPACE;
    // the address before the cookie, as nginx writes them; an empty field is empty (escape=none)
    at = putLatin1(buf, at, ip, ipFrom, ip.length);
    buf[at++] = SPACE;
    if (visitor) {
      const c = /** @type {string} */ (cookie);
      // its end found first (a builtin's search), so that the copy's loop tests nothing but its
      // index: counted, testing each character for `;` made the copy half as dear again
      const semi = c.indexOf(";", from);
      let end = semi === -1 ? c.length : semi;
      let i = from;
      while (i < end && isSpace(c.charCodeAt(i))) i++;
      while (end > i && isSpace(c.charCodeAt(end - 1))) end--;
      at = putLatin1(buf, at, c, i, end);
    }
    buf[at++] = SPACE;
    if (ua) {
      setBytes.call(buf, ua, at);
      at += ua.length;
    }
    buf[at++] = NEWLINE;
    return at;
  };
}
