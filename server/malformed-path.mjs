// @ts-check
// A request path Next.js cannot decode is refused here, before routing: Next.js answers a
// malformed percent-escape or invalid UTF-8 in a segment (/posts/%E0%A4%A, /tag/%C0%AF,
// /member/%FF, /category/%) with a 500 from deep inside its router.

/** Control characters (NUL, newlines, DEL…) never belong in one of our paths; NUL reaches PostgreSQL as an error. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * True when the path part of `url` (the query is Next.js' and the page's business) has a `%`
 * not followed by two hex digits, escapes that spell invalid UTF-8 (overlong forms such as
 * %C0%AF, lone surrogates, stray continuation bytes), or decodes to a control character.
 * @param {string} url
 */
export function isMalformedPath(url) {
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  if (CONTROL.test(pathname)) return true;
  if (!pathname.includes("%")) return false;
  let decoded;
  try {
    // decodeURIComponent throws URIError on exactly these: bad escapes and ill-formed UTF-8
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return CONTROL.test(decoded);
}
