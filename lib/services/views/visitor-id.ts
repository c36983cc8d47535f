import crypto from "node:crypto";

export const VISITOR_COOKIE = "bl_vid";
const VALID = /^[A-Za-z0-9_-]{22}$/;

// Per-process salt: the id derived for a cookieless first visit cannot be linked to an IP later.
const salt = crypto.randomBytes(16);

/**
 * The opaque visitor id used to count a reader once. An existing well-formed cookie wins; a
 * first visit gets an id derived from its IP and user agent, so a reader whose browser refuses
 * the cookie still maps to the same id on the next view instead of counting every time.
 */
export function visitorIdFor(
  cookieValue: string | undefined,
  ip: string,
  userAgent: string,
): { id: string; isNew: boolean } {
  if (cookieValue && VALID.test(cookieValue)) return { id: cookieValue, isNew: false };
  const id = crypto.createHmac("sha256", salt).update(`${ip}\n${userAgent}`).digest("base64url").slice(0, 22);
  return { id, isNew: true };
}
