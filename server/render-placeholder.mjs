// @ts-check
// The secret placeholder nonce Next.js renders with (nonce-rewrite.mjs): one per build, like the
// page cache it ends up in, so cached HTML and the server always agree on it. Never sent to a
// client: the server swaps it for a fresh nonce in every response.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const RENDER_NONCE = "byline-render-nonce";

/**
 * Call right after `next build` (scripts/lib/build.mjs).
 * @param {string} distDir
 */
export function writeRenderNonce(distDir) {
  fs.writeFileSync(path.join(distDir, RENDER_NONCE), crypto.randomBytes(16).toString("base64"), {
    mode: 0o600,
  });
}

/**
 * The build's render placeholder, or null for a build made without scripts/lib/build.mjs.
 * @param {string} distDir
 * @returns {string | null}
 */
export function readRenderNonce(distDir) {
  try {
    const v = fs.readFileSync(path.join(distDir, RENDER_NONCE), "utf8").trim();
    return v.length === 24 ? v : null;
  } catch {
    return null;
  }
}
