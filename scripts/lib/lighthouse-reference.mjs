// The references `npm run bench:lighthouse` reads our pages against, besides the bare Next.js page
// (scripts/lib/bare-next.mjs): whether this machine is the one Lighthouse's 4× slowdown assumes,
// and what the article costs with no script at all (our markup and CSS alone).
import http from "node:http";
import zlib from "node:zlib";
import { freePort } from "./free-port.mjs";

/**
 * The CPU slowdown Lighthouse's throttling calculator recommends for a machine of this benchmark
 * index (github.com/patrickhulce/lighthouse-cpu-throttling-calculator, which Lighthouse's
 * docs/throttling.md points to): index 1,533 is its 4×, so on such a machine the mobile preset
 * simulates the phone it means to; a faster machine needs more to read the same.
 * @param {number} index Lighthouse's benchmarkIndex
 */
export function recommendedSlowdown(index) {
  if (!Number.isFinite(index) || index <= 0) return NaN;
  if (index >= 1300) return 3 + (index - 1300) / 233;
  if (index >= 800) return 2 + (index - 800) / 500;
  return 1 + (index - 150) / 650;
}

// a whole element: Next.js writes `<` inside its inline payload as \u003c, so the first
// `</script` is the element's own end
const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const JSON_LD = /\btype\s*=\s*["']?application\/ld\+json/i;
// a <link> that fetches a script: preload or modulepreload hints
const SCRIPT_LINK = /<link\b(?=[^>]*\b(?:as\s*=\s*["']?script\b|rel\s*=\s*["']?modulepreload\b))[^>]*>/gi;

/**
 * The page as it would be with no script: every <script> element and script preload goes, the
 * JSON-LD data blocks (not scripts: the browser runs nothing) stay. For our own server's HTML in a
 * benchmark, not a sanitizer.
 * @param {string} html
 */
export function withoutScripts(html) {
  return html.replace(SCRIPT, (el, attrs) => (JSON_LD.test(attrs) ? el : "")).replace(SCRIPT_LINK, "");
}

/**
 * A server in front of `base` that answers `path` with that page's HTML without scripts (as the
 * server sent it once, its headers and CSP kept, brotli when asked) and passes every other request
 * through as it is, so the stylesheets, images and fonts are the real server's.
 * @param {string} base
 * @param {string} path
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function scriptFreePage(base, path) {
  const res = await fetch(base + path, { headers: { "accept-encoding": "identity" } });
  if (!res.ok) throw new Error(`${base}${path} answered ${res.status}`);
  const body = Buffer.from(withoutScripts(await res.text()));
  const brotli = zlib.brotliCompressSync(body);
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [k, v] of res.headers)
    if (!/^(content-length|content-encoding|transfer-encoding|connection|keep-alive)$/i.test(k))
      headers[k] = v;
  const upstream = new URL(base);
  const server = http.createServer((req, out) => {
    if (req.url === path && req.method === "GET") {
      const br = /\bbr\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const bytes = br ? brotli : body;
      out.writeHead(200, {
        ...headers,
        ...(br ? { "content-encoding": "br" } : {}),
        "content-length": bytes.length,
      });
      out.end(bytes);
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
      (up) => {
        out.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(out);
      },
    );
    pass.on("error", () => {
      out.writeHead(502);
      out.end();
    });
    req.pipe(pass);
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(undefined)));
  return {
    url: `http://127.0.0.1:${port}${path}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
