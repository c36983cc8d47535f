// @ts-check
// Gives this response's CSP nonce to exactly the scripts we ship, in HTML and RSC responses.
//
// Why a rewrite: with Cache Components, Next.js caches rendered HTML (the static shell, and
// whole pages that have no per-request part), but a nonce must differ on every response
// (vercel/next.js#89754). So Next.js renders with a fixed secret placeholder nonce — derived
// from AUTH_SECRET, never sent to a client because this rewrite replaces every occurrence —
// and each response gets a fresh nonce here. The placeholder has exactly the nonce's length:
// the flight data embedded in pages repeats the nonce inside length-prefixed rows. Three kinds of script receive it:
//   1. tags React rendered with the placeholder (it only does so for its own scripts);
//   2. <script src="/_next/static/..."> (and their <link rel="preload" as="script">) without a
//      nonce: the prerendered shell's chunk tags, which load code from our build directory only;
//   3. bare inline <script> whose exact body is in a page Next.js has in its page cache
//      (trusted-inline-scripts.mjs): bootstrap and flight data of pages rendered without a
//      request, at build time or when regenerated later.
// Anything else, including markup injected through content, keeps no nonce and is blocked.
import { StringDecoder } from "node:string_decoder";
import { hashScript } from "./trusted-inline-scripts.mjs";

const OPEN = "<script";
const CHUNK_TAG = '<script src="/_next/static/';
// the shell's low-priority preloads of the same chunks: fetches checked against script-src too
const PRELOAD = '<link rel="preload" as="script"';
const PRELOAD_HREF = ' href="/_next/static/';

/** @param {string} buf */
function nextTag(buf) {
  const a = buf.indexOf(OPEN);
  const b = buf.indexOf(PRELOAD);
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}
const CLOSE = "</script>";

/**
 * How many characters at the end of `text` could be the start of one of `patterns`.
 * @param {string} text
 * @param {string[]} patterns
 */
function heldTail(text, patterns) {
  let hold = 0;
  for (const p of patterns) {
    const max = Math.min(p.length - 1, text.length);
    for (let n = max; n > hold; n--) if (p.startsWith(text.slice(text.length - n))) hold = n;
  }
  return hold;
}

/**
 * @typedef {object} NonceOptions
 * @property {string} nonce this response's nonce
 * @property {string} [placeholder] the secret nonce Next.js rendered with, swapped for `nonce`
 * @property {{ has(hash: string): boolean }} [trustedScripts] hashes of inline scripts that get the nonce
 */

/**
 * Stateful rewriter for one response body. `push(text)` returns what may be sent now (it holds
 * back an unfinished tag or inline script), `flush()` the rest.
 * @param {NonceOptions & { html?: boolean }} options `html: false` for RSC payloads
 */
export function createNonceRewriter({ nonce, placeholder, trustedScripts = new Set(), html = true }) {
  if (placeholder && placeholder.length !== nonce.length)
    throw new Error("the placeholder and the nonce must have the same length");
  let buf = "";
  /** @param {string} s */
  const swap = (s) => (placeholder ? s.replaceAll(placeholder, nonce) : s);

  /**
   * @param {boolean} final
   * @returns {string}
   */
  function drain(final) {
    // RSC payloads are data, not markup: only the equal-length placeholder swap applies there
    if (!html) {
      const hold = final || !placeholder ? 0 : heldTail(buf, [placeholder]);
      const out = swap(buf.slice(0, buf.length - hold));
      buf = buf.slice(buf.length - hold);
      return out;
    }
    let out = "";
    for (;;) {
      const at = nextTag(buf);
      if (at === -1) {
        const hold = final ? 0 : heldTail(buf, placeholder ? [OPEN, PRELOAD, placeholder] : [OPEN, PRELOAD]);
        out += swap(buf.slice(0, buf.length - hold));
        buf = buf.slice(buf.length - hold);
        return out;
      }
      out += swap(buf.slice(0, at));
      buf = buf.slice(at);
      const tagEnd = buf.indexOf(">");
      if (tagEnd === -1) {
        if (final) return out + swap(buf) + ((buf = ""), "");
        return out;
      }
      const tag = buf.slice(0, tagEnd + 1);
      if (tag === "<script>") {
        const close = buf.indexOf(CLOSE, tagEnd + 1);
        if (close === -1) {
          if (final) return out + swap(buf) + ((buf = ""), "");
          return out;
        }
        const body = buf.slice(tagEnd + 1, close);
        out += (trustedScripts.has(hashScript(body)) ? `<script nonce="${nonce}">` : tag) + body + CLOSE;
        buf = buf.slice(close + CLOSE.length);
        continue;
      }
      if (tag.startsWith(CHUNK_TAG) && !tag.includes(" nonce="))
        out += `<script nonce="${nonce}"${tag.slice(OPEN.length)}`;
      else if (tag.startsWith(PRELOAD) && tag.includes(PRELOAD_HREF) && !tag.includes(" nonce="))
        out += `<link nonce="${nonce}"${tag.slice(5)}`;
      else out += swap(tag);
      buf = buf.slice(tag.length);
    }
  }

  return {
    /** @param {string} text */
    push(text) {
      buf += text;
      return drain(false);
    },
    flush() {
      return drain(true);
    },
  };
}

const REWRITTEN = /^(text\/html|text\/x-component)/;

/**
 * Wraps res.write/end/writeHead so HTML and RSC bodies go through the rewriter.
 * @param {import("node:http").ServerResponse} res
 * @param {NonceOptions} options
 */
export function applyScriptNonce(res, options) {
  // untyped views of Node's overloaded methods: the wrappers pass their arguments on as given
  /** @type {(...args: any[]) => any} */
  const origWrite = res.write.bind(res);
  /** @type {(...args: any[]) => any} */
  const origEnd = res.end.bind(res);
  /** @type {(...args: any[]) => any} */
  const origWriteHead = res.writeHead.bind(res);
  /** @type {boolean | null} */
  let active = null;
  let decoder = new StringDecoder("utf8");
  /** @type {ReturnType<typeof createNonceRewriter> | undefined} */
  let rewriter;

  const decide = () => {
    if (active !== null) return active;
    // the policy header names the placeholder too (proxy.ts): every response states its own nonce
    const csp = res.getHeader("content-security-policy");
    if (typeof csp === "string" && options.placeholder)
      res.setHeader("content-security-policy", csp.replaceAll(options.placeholder, options.nonce));
    const type = String(res.getHeader("content-type") ?? "");
    active = REWRITTEN.test(type);
    if (active) {
      res.removeHeader("content-length"); // HTML gains nonce attributes
      res.removeHeader("etag"); // and differs on every response
      rewriter = createNonceRewriter({ ...options, html: type.startsWith("text/html") });
    }
    return active;
  };

  /** @type {(status: number, a?: any, b?: any) => any} */
  const writeHead = function (status, a, b) {
    const message = typeof a === "string" ? a : undefined;
    const headers = typeof a === "string" ? b : a;
    if (headers && !Array.isArray(headers)) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
      decide();
      return message ? origWriteHead(status, message) : origWriteHead(status);
    }
    decide();
    return origWriteHead(status, a, b);
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (writeHead);

  /** @param {string | Uint8Array} chunk a string is already text (its encoding argument is ignored, as before) */
  const toText = (chunk) =>
    typeof chunk === "string" ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));

  /** @type {(chunk: any, encoding?: any, cb?: any) => any} */
  const write = function (chunk, encoding, cb) {
    if (!decide() || chunk == null || !rewriter) return origWrite(chunk, encoding, cb);
    const out = rewriter.push(toText(chunk));
    return origWrite(out, "utf8", typeof encoding === "function" ? encoding : cb);
  };
  res.write = /** @type {typeof res.write} */ (write);

  /** @type {(chunk?: any, encoding?: any, cb?: any) => any} */
  const end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") return end(undefined, undefined, chunk);
    if (typeof encoding === "function") return end(chunk, undefined, encoding);
    if (!decide() || !rewriter) return origEnd(chunk, encoding, cb);
    let out = chunk == null ? "" : rewriter.push(toText(chunk));
    out += rewriter.push(decoder.end()) + rewriter.flush();
    return origEnd(out, "utf8", cb);
  };
  res.end = /** @type {typeof res.end} */ (end);
}
