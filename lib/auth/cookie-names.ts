/**
 * Auth.js cookie names and flags. No server-only imports: proxy.ts reads SESSION_COOKIE.
 *
 * The session and CSRF cookies carry the `__Host-` prefix: the browser then refuses them unless
 * they are Secure, have Path=/ and no Domain, so neither a sibling subdomain nor a plain-http
 * page can plant or overwrite them (cookie tossing). A `__Host-` cookie must be Secure, and
 * browsers store Secure cookies only from secure contexts: https, and http://localhost or
 * http://127.0.0.1 (Chromium 156 accepts both, checked by setting `__Host-a=1; Secure` over
 * http on each; Firefox does the same). So the prefix is used on https and on loopback origins,
 * which covers production, `npm start` and the test server. An operator serving plain http on
 * some other host (a LAN demo at http://10.0.0.5:3000) would otherwise be unable to sign in at
 * all, since no browser keeps a Secure cookie there; that case alone gets plain names.
 * Safari does not treat http://localhost as secure for cookies: use Chromium or Firefox locally.
 */

const BASE = {
  session: "authjs.session-token",
  csrf: "authjs.csrf-token",
  callbackUrl: "authjs.callback-url",
} as const;

/** Matches the session cookie, including the `.0`, `.1`… chunks Auth.js splits a large token into. */
export const SESSION_COOKIE = /^(__Host-)?authjs\.session-token(\.\d+)?$/;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether browsers keep Secure (and so `__Host-`) cookies for this origin. */
function hasSecureCookies(siteUrl: string): boolean {
  const url = new URL(siteUrl);
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
}

type CookieOptions = { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
export type AuthCookies = Record<
  "sessionToken" | "csrfToken" | "callbackUrl",
  { name: string; options: CookieOptions }
>;

/** The `cookies` option for Auth.js: names and flags pinned (no Domain, so `__Host-` holds). */
export function authCookies(siteUrl: string): AuthCookies {
  const secure = hasSecureCookies(siteUrl);
  const prefix = secure ? "__Host-" : "";
  const options: CookieOptions = { httpOnly: true, sameSite: "lax", path: "/", secure };
  return {
    sessionToken: { name: `${prefix}${BASE.session}`, options },
    csrfToken: { name: `${prefix}${BASE.csrf}`, options },
    callbackUrl: { name: `${prefix}${BASE.callbackUrl}`, options },
  };
}
