// The build's own inline scripts, by SHA-256, for the CSP nonce rewrite (script-nonce.mjs).
//
// Pages that Next.js prerenders completely at build time carry their React/Next.js bootstrap and
// flight data as plain inline <script> tags, rendered without any request and so without a nonce.
// Right after `next build`, before the server has seen a single request, we record the hash of
// every such script; at serve time an inline script gets the nonce only if its exact body is in
// this list. Markup injected later (through content, comments, anything) cannot be in it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MANIFEST = "byline-inline-scripts.json";
const RENDER_NONCE = "byline-render-nonce";

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

export const hashScript = (body) => crypto.createHash("sha256").update(body).digest("base64");

function* htmlFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(p);
    else if (entry.name.endsWith(".html")) yield p;
  }
}

/** Call right after `next build` (scripts/build.mjs). */
export function writeInlineScriptManifest(distDir) {
  const hashes = new Set();
  for (const file of htmlFiles(path.join(distDir, "server", "app"))) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(INLINE_SCRIPT)) hashes.add(hashScript(m[1]));
  }
  fs.writeFileSync(path.join(distDir, MANIFEST), JSON.stringify({ hashes: [...hashes].sort() }));
  // the secret placeholder Next.js renders with (script-nonce.mjs): per build, like the page
  // cache it ends up in, so cached HTML and the server always agree on it
  fs.writeFileSync(path.join(distDir, RENDER_NONCE), crypto.randomBytes(16).toString("base64"), { mode: 0o600 });
  return hashes.size;
}

/** The build's render placeholder, or null for a build made without scripts/build.mjs. */
export function readRenderNonce(distDir) {
  try {
    const v = fs.readFileSync(path.join(distDir, RENDER_NONCE), "utf8").trim();
    return v.length === 24 ? v : null;
  } catch {
    return null;
  }
}

/** An empty set when the build predates the manifest: fully prerendered pages then lose their scripts, never gain foreign ones. */
export function readInlineScriptManifest(distDir) {
  try {
    return new Set(JSON.parse(fs.readFileSync(path.join(distDir, MANIFEST), "utf8")).hashes);
  } catch {
    return new Set();
  }
}
