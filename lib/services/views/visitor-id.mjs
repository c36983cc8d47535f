// @ts-check
import crypto from "node:crypto";

export const VISITOR_COOKIE = "bl_vid";
const VALID = /^[A-Za-z0-9_-]{22}$/;

// Per-process salt: the id derived for a cookieless first visit cannot be linked to an IP later.
// On globalThis so the server's beacon (server/view-beacon.mjs) and Next.js' bundled copy of
// this module derive the same id for the same reader.
const g = /** @type {{ __bylineVisitorSalt?: Buffer }} */ (globalThis);
const salt = (g.__bylineVisitorSalt ??= crypto.randomBytes(16));

/**
 * The opaque visitor id used to count a reader once. An existing well-formed cookie wins; a
 * first visit gets an id derived from its IP and user agent, so a reader whose browser refuses
 * the cookie still maps to the same id on the next view instead of counting every time.
 * @param {string | undefined} cookieValue
 * @param {string} ip
 * @param {string} userAgent
 * @returns {{ id: string, isNew: boolean }}
 */
export function visitorIdFor(cookieValue, ip, userAgent) {
  if (cookieValue && VALID.test(cookieValue)) return { id: cookieValue, isNew: false };
  const id = crypto.createHmac("sha256", salt).update(`${ip}\n${userAgent}`).digest("base64url").slice(0, 22);
  return { id, isNew: true };
}
