// @ts-check
// The Content-Security-Policy of a page served from the page cache (page-cache.mjs): hashes, not
// a nonce, so the stored bytes go out unchanged on every hit and a front (deploy/nginx.conf) can
// cache them too. docs/security.md explains the trade-off.
//
// Next.js renders with the build's secret placeholder nonce (nonce-rewrite.mjs). In the stored
// bytes it becomes PUBLIC_RENDER_MARKER, a public constant of the same length (flight rows are
// length-prefixed): inert, because the stored policy names no nonce at all. script-src becomes
// `'self'` plus the SHA-256 of each inline script we ship: a bare <script> (Next.js' bootstrap and
// flight data) or one React rendered with the placeholder nonce. Any other inline script, and any
// event handler attribute, stays blocked. No 'strict-dynamic' (it would disable 'self' and block
// the parser-inserted /_next/static chunk tags, which carry no nonce), never 'unsafe-inline'.
import crypto from "node:crypto";

/** base64 of the 16 bytes "page-cache-nonce": a real nonce's length, never a real nonce. */
export const PUBLIC_RENDER_MARKER = "cGFnZS1jYWNoZS1ub25jZQ==";

const SCRIPT = /<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/g;
/** what joined scripts are joined with (site-roundtrip.mjs and page-weight.mjs split on it) */
export const JOIN_SEPARATOR = "\n;";

// only Next.js' flight data (its bootstrap and one push per chunk): plain array pushes, which
// cannot throw or depend on being a script of their own; any other script keeps its element
const FLIGHT = /^(?:\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)|self\.__next_f)\.push\(/;
/** what changes how the HTML parser reads a script element */
const PARSER_SENSITIVE = /<!--|<\/?script/i;
/** two or more script elements with nothing between them */
const RUN = /(?:<script(?:\s[^>]*)?>[^<]*(?:<(?!\/script>)[^<]*)*<\/script>){2,}/g;

/**
 * Joins each run of adjacent flight data scripts that the policy trusts (same attributes: bare,
 * or the marker nonce) into one script. Next.js writes its flight data as one <script> per
 * streamed chunk (20 on an article page), and each would be a SHA-256 source in the Content-
 * Security-Policy header: 1.2 KB of header on an 11 KB compressed page, sent on every hit and by
 * the front (issue 12). The bodies are complete programs and run in the same order as before,
 * with nothing of the document between them; they are joined by a newline and `;` (a body may end
 * in a line comment, or lack its last semicolon). Only `self.__next_f` pushes are joined (array
 * pushes: none can throw and stop the rest, none needs its own element), and none with `<!--`
 * or `<script`/`</script` in any case: those change how the HTML parser reads a script element.
 * @param {string} html
 * @param {string} marker the nonce value the stored page carries
 */
export function joinInlineScripts(html, marker) {
  const trusted = new Set(["", ` nonce="${marker}"`]);
  return html.replace(RUN, (run) => {
    /** @type {{ attrs: string, bodies: string[], open: boolean }[]} */
    const groups = [];
    for (const m of run.matchAll(SCRIPT)) {
      const attrs = m[1] ?? "";
      const body = m[2] ?? "";
      const joinable = trusted.has(attrs) && FLIGHT.test(body) && !PARSER_SENSITIVE.test(body);
      const last = groups.at(-1);
      if (joinable && last?.open && last.attrs === attrs) last.bodies.push(body);
      else groups.push({ attrs, bodies: [body], open: joinable });
    }
    return groups.map((g) => `<script${g.attrs}>${g.bodies.join(JOIN_SEPARATOR)}</script>`).join("");
  });
}

/**
 * The SHA-256 sources of the inline scripts in `html` that the nonce design would trust: bare
 * `<script>` and `<script nonce="marker">`, in order of first appearance.
 * @param {string} html
 * @param {string} marker the nonce value the stored page carries
 * @returns {string[]}
 */
export function inlineScriptHashes(html, marker) {
  const withMarker = ` nonce="${marker}"`;
  /** @type {Set<string>} */
  const out = new Set();
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? "";
    if (attrs !== "" && attrs !== withMarker) continue;
    out.add(
      `'sha256-${crypto
        .createHash("sha256")
        .update(m[2] ?? "", "utf8")
        .digest("base64")}'`,
    );
  }
  return [...out];
}

/**
 * The captured policy with its script-src replaced by `'self'`, the hash sources it already had
 * (React's fixed shell script, lib/security/headers.ts) and the given ones. Null when the policy
 * has no script-src to replace (then the page is not stored).
 * @param {string} policy the Content-Security-Policy Next.js sent (proxy.ts)
 * @param {string[]} hashes from inlineScriptHashes
 */
export function hashPolicy(policy, hashes) {
  const directives = policy.split(";").map((d) => d.trim());
  const at = directives.findIndex((d) => /^script-src(\s|$)/i.test(d));
  if (at === -1) return null;
  const kept = (directives[at] ?? "").split(/\s+/).filter((s) => /^'sha(256|384|512)-/.test(s));
  directives[at] = ["script-src", "'self'", ...new Set([...kept, ...hashes])].join(" ");
  return directives.filter(Boolean).join("; ");
}
