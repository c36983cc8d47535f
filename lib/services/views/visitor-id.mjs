// @ts-check
import crypto from "node:crypto";

export const VISITOR_COOKIE = "bl_vid";
const VALID = /^[A-Za-z0-9_-]{22}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

// The key a cookieless reader's id is derived with: from AUTH_SECRET (every instance has the same,
// so a reader whose beacons reach two instances is one visitor, issue 15) and the UTC day, so an id
// cannot be linked to an address past that day. Without AUTH_SECRET (scripts, some tests) a
// per-process random key. On globalThis so the server's beacon (server/view-beacon.mjs) and
// Next.js' bundled copy of this module derive the same id for the same reader.
const g =
  /** @type {{ __bylineVisitorKeys?: { day: number, key: Buffer }, __bylineVisitorSalt?: Buffer }} */ (
    globalThis
  );

/** @param {number} now */
function keyFor(now) {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return (g.__bylineVisitorSalt ??= crypto.randomBytes(16));
  const day = Math.floor(now / DAY_MS);
  if (g.__bylineVisitorKeys?.day !== day)
    g.__bylineVisitorKeys = {
      day,
      key: crypto.createHmac("sha256", secret).update(`byline visitor id, day ${day}`).digest(),
    };
  return g.__bylineVisitorKeys.key;
}

/**
 * The opaque visitor id used to count a reader once. An existing well-formed cookie wins; a
 * first visit gets an id derived from its IP and user agent, so a reader whose browser refuses
 * the cookie still maps to the same id on the next view (on any instance) instead of counting
 * every time.
 * @param {string | undefined} cookieValue
 * @param {string} ip
 * @param {string} userAgent
 * @param {number} [now]
 * @returns {{ id: string, isNew: boolean }}
 */
export function visitorIdFor(cookieValue, ip, userAgent, now = Date.now()) {
  if (cookieValue && VALID.test(cookieValue)) return { id: cookieValue, isNew: false };
  const id = crypto
    .createHmac("sha256", keyFor(now))
    .update(`${ip}\n${userAgent}`)
    .digest("base64url")
    .slice(0, 22);
  return { id, isNew: true };
}
