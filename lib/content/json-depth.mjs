// Nesting depth of a JSON text, counted as its bytes arrive, without parsing it. For the HTTP
// server: React's decodeReply revives a server action's arguments recursively, so a body nested
// ~3,000 levels deep (100 KB) overflows the stack before any action or schema of ours runs, and
// Next.js answers 500. Counting brackets outside strings first turns that into our 400.
// Plain JavaScript (no dependencies) so server/http-server.mjs can import it.

/**
 * Deepest article body (lib/content/limits.ts MAX_JSON_DEPTH = 104) plus the action envelope
 * (argument array, input object) with room to spare. Nothing else we accept nests half as deep.
 */
export const MAX_ACTION_JSON_DEPTH = 128;

/**
 * A meter for one body: `push(chunk)` returns true once the nesting has gone past `max`.
 * Works on bytes: `"`, `\`, brackets and braces are ASCII and never part of a UTF-8 sequence.
 * Meant for JSON (text/plain) action bodies, not multipart uploads, whose files are binary.
 * @param {number} [max]
 */
export function jsonDepthMeter(max = MAX_ACTION_JSON_DEPTH) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let over = false;
  return {
    /** @param {Uint8Array} chunk */
    push(chunk) {
      if (over) return true;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
        } else if (c === 0x22) inString = true;
        else if (c === 0x5b || c === 0x7b) {
          if (++depth > max) return (over = true);
        } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
      }
      return false;
    },
  };
}

/**
 * Whole-text form of the meter.
 * @param {string | Uint8Array} text
 * @param {number} [max]
 */
export function jsonDepthExceeds(text, max = MAX_ACTION_JSON_DEPTH) {
  return jsonDepthMeter(max).push(typeof text === "string" ? new TextEncoder().encode(text) : text);
}
