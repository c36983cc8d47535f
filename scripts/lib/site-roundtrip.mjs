// @ts-check
// The round-trip comparison (docs/transfer.md): every public page of server A and server B,
// byte for byte. Normalised, because they differ on every render of the same page by the same
// server: the CSP nonce (server/nonce-rewrite.mjs: each response's own nonce, read from its
// Content-Security-Policy header) and Next.js' random per-render request id, which keys the
// viewport and metadata boundaries in the flight data as "<id>v" and "<id>m"
// (next/dist/server/app-render/app-render.js getFlightViewportKey / getFlightMetadataKey).
import { JOIN_SEPARATOR } from "../../server/page-cache-policy.mjs";

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

/**
 * The end of the element that starts at `from` (a `<tag …>`), counting nested tags of the same
 * name; the index just past its closing tag. @param {string} html @param {number} from @param {string} tag
 */
function elementEnd(html, from, tag) {
  const re = new RegExp(`<${tag}[\\s>]|</${tag}>`, "g");
  re.lastIndex = from;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** The index just past the `<!--/$-->` closing the boundary whose content starts at `from`. @param {string} html @param {number} from */
function boundaryEnd(html, from) {
  const re = /<!--(\$[?!]?|\/\$)-->/g;
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] === "/$" ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g;
// React's streaming runtime: $RC/$RS/$RX complete boundaries, $RB/$RV/$RT batch and time reveals
const REACT_RUNTIME = /^(?:\$R[A-Z]|requestAnimationFrame\(function\(\)\{\$RT)/;
const FLIGHT_PUSH =
  /^\(?self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)\.push\((.*)\)$|^self\.__next_f\.push\((.*)\)$/s;

/**
 * The bytes of a flight data script (next/dist/server/app-render/use-flight-response.js: type 1
 * is text, type 3 base64 for chunks that are not whole UTF-8), or null for any other script.
 * @param {string} script
 */
function flightChunk(script) {
  const push = FLIGHT_PUSH.exec(script);
  if (!push) return null;
  let chunk;
  try {
    chunk = JSON.parse(/** @type {string} */ (push[1] ?? push[2]));
  } catch {
    return null;
  }
  if (!Array.isArray(chunk) || typeof chunk[1] !== "string") return null;
  if (chunk[0] === 1) return Buffer.from(chunk[1], "utf8");
  if (chunk[0] === 3) return Buffer.from(chunk[1], "base64");
  return null;
}

/**
 * The same page rendered twice by the same server can stream differently: a Suspense boundary
 * whose data arrived before the shell was written is inline (`<!--$-->…<!--/$-->`), one that
 * arrived after is a fallback plus a hidden segment and a `$RC` instruction at the end, and the
 * flight data and inline scripts are cut into chunks where the stream happened to flush. This
 * settles the document the way the browser does (each completed segment moved into its boundary)
 * and compares the scripts by content: the flight payload joined and its rows sorted, the other
 * inline scripts (JSON-LD, bootstrap) sorted. Any change of content still shows.
 * @param {string} html
 */
export function settleStream(html) {
  /** @type {Map<string, string>} */
  const segments = new Map();
  let doc = "";
  let at = 0;
  for (const m of html.matchAll(/<div hidden id="(S:[0-9a-f]+)">/g)) {
    if (m.index < at) continue;
    const end = elementEnd(html, m.index, "div");
    if (end < 0) break;
    doc += html.slice(at, m.index);
    segments.set(/** @type {string} */ (m[1]), html.slice(m.index + m[0].length, end - "</div>".length));
    at = end;
  }
  doc += html.slice(at);

  /** @type {Map<string, string>} boundary or placeholder id → segment id */
  const fills = new Map();
  /** @type {Buffer[]} */
  const flight = [];
  /** @type {string[]} */
  const scripts = [];
  doc = doc.replace(INLINE_SCRIPT, (_, attrs, body) => {
    // $RC("B:n","S:m") fills boundary n with segment m; $RS("S:m","P:n") fills placeholder n
    for (const c of body.matchAll(/\$R([CS])\("([^"]+)","([^"]+)"/g))
      if (c[1] === "C") fills.set(/** @type {string} */ (c[2]), /** @type {string} */ (c[3]));
      else fills.set(/** @type {string} */ (c[3]), /** @type {string} */ (c[2]));
    // the page cache stores a run of scripts as one, pieces joined by a newline and ";"
    // (joinInlineScripts): each piece is read as the script it was
    for (const piece of body.split(JOIN_SEPARATOR)) {
      if (REACT_RUNTIME.test(piece)) continue;
      const chunk = flightChunk(piece);
      if (chunk) flight.push(chunk);
      else scripts.push(`<script${attrs}>${piece}</script>`);
    }
    return "";
  });

  // boundaries first (a segment may hold placeholders of later segments), until nothing is left
  for (let changed = true; changed;) {
    changed = false;
    for (const [target, segment] of fills) {
      const content = segments.get(segment);
      if (content === undefined) continue;
      const pending = `<!--$?--><template id="${target}"></template>`;
      const i = doc.indexOf(pending);
      if (i >= 0) {
        const end = boundaryEnd(doc, i + pending.length);
        if (end < 0) continue;
        doc = `${doc.slice(0, i)}<!--$-->${content}<!--/$-->${doc.slice(end)}`;
      } else {
        const placeholder = `<template id="${target}"></template>`;
        const j = doc.indexOf(placeholder);
        if (j < 0) continue;
        doc = doc.slice(0, j) + content + doc.slice(j + placeholder.length);
      }
      fills.delete(target);
      changed = true;
    }
  }
  const rows = Buffer.concat(flight).toString("utf8").split("\n").sort();
  return `${doc}\n<!-- scripts -->\n${scripts.sort().join("\n")}\n<!-- flight -->\n${rows.join("\n")}`;
}

/** @param {string} base @param {string} path */
async function get(base, path) {
  const res = await fetch(base + path, { redirect: "manual", headers: { "accept-encoding": "identity" } });
  const text = normalise(res, await res.text());
  const body = /text\/html/.test(res.headers.get("content-type") ?? "") ? settleStream(text) : text;
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
