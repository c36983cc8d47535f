// @ts-check
// The references `npm run bench:lighthouse` reads our pages against, besides the bare Next.js page
// (scripts/lib/bare-next.mjs): whether this machine is the one Lighthouse's 4× slowdown assumes,
// and what the article costs with no script at all (its markup and CSS alone).
import http from "node:http";
import { pipeline } from "node:stream";
import zlib from "node:zlib";

/**
 * The CPU slowdown Lighthouse's throttling calculator recommends for a machine of this benchmark
 * index (github.com/patrickhulce/lighthouse-cpu-throttling-calculator, which Lighthouse's
 * docs/throttling.md points to): index 1,533 is its 4×, so on such a machine the mobile preset
 * simulates the phone it means to; a faster machine needs more to read the same. Under 150 the
 * calculator has no figure (too slow to simulate a phone at all).
 * @param {number} index Lighthouse's benchmarkIndex
 */
export function recommendedSlowdown(index) {
  if (!Number.isFinite(index) || index < 150) return NaN;
  if (index >= 1300) return 3 + (index - 1300) / 233;
  if (index >= 800) return 2 + (index - 800) / 500;
  return 1 + (index - 150) / 650;
}

// a whole element: Next.js writes `<` inside its inline payload as \u003c, so the first
// `</script` is the element's own end
const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
// attributes start after whitespace: `data-type=` or a URL's `?as=script` is not one
const JSON_LD = /\stype\s*=\s*["']?application\/ld\+json/i;
// a <link> that fetches a script: preload or modulepreload hints
const SCRIPT_LINK = /<link\b(?=[^>]*\s(?:as\s*=\s*["']?script\b|rel\s*=\s*["']?modulepreload\b))[^>]*>/gi;

/**
 * The page as it would be with no script: every <script> element and script preload goes, the
 * JSON-LD data blocks (not scripts: the browser runs nothing) stay. For our own server's HTML in a
 * benchmark, not a sanitizer.
 * @param {string} html
 */
export function withoutScripts(html) {
  return html.replace(SCRIPT, (el, attrs) => (JSON_LD.test(attrs) ? el : "")).replace(SCRIPT_LINK, "");
}

// not the page's own: fetch() has decoded the body, and the snapshot is fixed (the page cache's
// X-Byline-Cache would make the bench's warm-up wait for a HIT that this server never changes)
const DROPPED = /^(content-length|content-encoding|transfer-encoding|connection|keep-alive|x-byline-cache)$/i;

/**
 * A server in front of `base` that answers `path` with that page's HTML without scripts (as the
 * server sent it once, its other headers and CSP kept, brotli when asked) and passes every other
 * request through as it is, so the stylesheets, images and fonts are the real server's.
 * `served()` counts the stripped answers, so a caller can tell the row measured this page.
 * @param {string} base an http:// origin
 * @param {string} path
 * @returns {Promise<{ url: string, served: () => number, stop: () => Promise<void> }>}
 */
export async function scriptFreePage(base, path) {
  const upstream = new URL(base);
  if (upstream.protocol !== "http:") throw new Error(`scriptFreePage needs an http:// server: got ${base}`);
  const res = await fetch(base + path, { headers: { "accept-encoding": "identity" } });
  if (!res.ok) throw new Error(`${base}${path} answered ${res.status}`);
  // as the browser will ask for it (a raw Unicode path arrives percent-encoded)
  const pathname = new URL(path, base).pathname;
  const body = Buffer.from(withoutScripts(await res.text()));
  const brotli = zlib.brotliCompressSync(body);
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [k, v] of res.headers) if (!DROPPED.test(k)) headers[k] = v;
  let served = 0;
  const server = http.createServer((req, out) => {
    if (req.method === "GET" && new URL(req.url ?? "/", "http://x").pathname === pathname) {
      const br = /\bbr\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const bytes = br ? brotli : body;
      out.writeHead(200, {
        ...headers,
        ...(br ? { "content-encoding": "br" } : {}),
        "content-length": bytes.length,
      });
      out.end(bytes);
      served++;
      return;
    }
    const pass = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      // an upstream that breaks off mid-answer ends ours too, so the browser does not wait on it
      (up) => {
        out.writeHead(up.statusCode ?? 502, up.headers);
        pipeline(up, out, () => {});
      },
    );
    pass.on("error", () => {
      if (out.destroyed) return;
      if (out.headersSent) out.destroy();
      else out.writeHead(502).end();
    });
    // Chromium is killed after every run: its open requests upstream go with it
    out.on("close", () => pass.destroy());
    req.pipe(pass);
  });
  const port = await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}${path}`,
    served: () => served,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
