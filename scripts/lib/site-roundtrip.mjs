// @ts-check
// The round-trip comparison (docs/transfer.md): every public page of server A and server B,
// byte for byte. Normalised, because they differ on every render of the same page by the same
// server: the CSP nonce (server/nonce-rewrite.mjs: each response's own nonce, read from its
// Content-Security-Policy header) and Next.js' random per-render request id, which keys the
// viewport and metadata boundaries in the flight data as "<id>v" and "<id>m"
// (next/dist/server/app-render/app-render.js getFlightViewportKey / getFlightMetadataKey).

const MAX_PAGES = 2_000;
// reader pages only: staff areas, sign-in pages, the API and uploaded files are not the public site
const SKIP =
  /^\/(admin|editor|login|register|forgot-password|reset-password|me|api|media|_next|preview)(\/|$)/;

/** @param {Response} res @param {string} body */
function normalise(res, body) {
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
  let out = nonce ? body.split(nonce).join("NONCE") : body;
  // which tags carry a nonce attribute, and its value, differ between a response rendered now and
  // one the page cache stored (server/nonce-rewrite.mjs): the attribute is dropped
  out = out.replace(/ nonce="[^"]*"/g, "").replace(/(\\?"nonce\\?":\\?")[^"\\]*/g, "$1NONCE");
  for (const m of out.matchAll(/([A-Za-z0-9_-]{16,32})v\\?"/g)) {
    const id = /** @type {string} */ (m[1]);
    if (out.includes(`${id}m`)) {
      out = out.split(id).join("REQUEST-ID");
      break;
    }
  }
  return out;
}

/** @param {string} base @param {string} path */
async function get(base, path) {
  const res = await fetch(base + path, { redirect: "manual", headers: { "accept-encoding": "identity" } });
  const body = normalise(res, await res.text());
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    location: res.headers.get("location"),
    body,
  };
}

/** Same-site paths a page links to (href and sitemap <loc>), as path + query. @param {string} body @param {string} base @param {string} siteUrl */
function linksOf(body, base, siteUrl) {
  const out = new Set();
  for (const m of body.matchAll(/(?:href="|<loc>|<link>)([^"<]+)/g)) {
    const raw = (m[1] ?? "").replace(/&amp;/g, "&");
    let url;
    try {
      url = new URL(raw, base);
    } catch {
      continue;
    }
    const origin = url.origin;
    if (origin !== new URL(base).origin && origin !== new URL(siteUrl).origin) continue;
    if (SKIP.test(url.pathname)) continue;
    out.add(url.pathname + url.search);
  }
  return out;
}

/**
 * Crawls server A's public pages from the home page, the feeds, the sitemap and a search, and
 * fetches each from both servers. Returns the pages compared and the differing ones.
 * `paths` compares just those pages, without crawling.
 * @param {{ a: string, b: string, siteUrl: string, searchWord?: string, paths?: string[], log?: (line: string) => void }} opts
 */
export async function compareSites({ a, b, siteUrl, searchWord = "漏洞", paths, log = () => {} }) {
  const queue = paths
    ? [...paths]
    : ["/", "/latest", "/feed", "/sitemap.xml", "/robots.txt", `/search?q=${encodeURIComponent(searchWord)}`];
  const seen = new Set(queue);
  /** @type {{ path: string, why: string }[]} */
  const differences = [];
  /** @type {string[]} */
  const compared = [];
  /** @param {string} path */
  const visit = async (path) => {
    const [ra, rb] = await Promise.all([get(a, path), get(b, path)]);
    compared.push(path);
    if (ra.status !== rb.status) differences.push({ path, why: `status ${ra.status} ≠ ${rb.status}` });
    else if (ra.location !== rb.location)
      differences.push({ path, why: `Location ${ra.location} ≠ ${rb.location}` });
    else if (ra.body !== rb.body) {
      let i = 0;
      while (ra.body[i] === rb.body[i]) i++;
      differences.push({
        path,
        why: `first difference at character ${i}: A «${ra.body.slice(Math.max(0, i - 40), i + 60)}» B «${rb.body.slice(Math.max(0, i - 40), i + 60)}»`,
      });
    }
    log(`${ra.body === rb.body && ra.status === rb.status ? "same" : "DIFF"} ${ra.status} ${path}`);
    if (paths || ra.status !== 200 || !/html|xml/.test(ra.type)) return;
    for (const link of linksOf(ra.body, a, siteUrl)) {
      if (seen.has(link) || seen.size >= MAX_PAGES) continue;
      seen.add(link);
      queue.push(link);
    }
  };
  // a few pages at a time: each is rendered on demand by both servers
  while (queue.length) await Promise.all(queue.splice(0, 4).map(visit));
  return { compared, differences };
}
