/**
 * The `?next=` target after login, register or sign-out: only a path on this site.
 * Anything that a browser could read as another origin ("//evil.example", "/\evil.example",
 * "https://…", a tab or newline that URL parsing strips) falls back to `fallback`.
 * Pure (no server-only), so the login form, actions and proxy can all use it.
 *
 * It is a fixed point: safeNextPath(safeNextPath(x)) === safeNextPath(x). The input is checked,
 * then normalised by the WHATWG URL parser (the browser's own), then the normalised result is
 * checked again, because normalising can create what the first check refused: "/%2e%2e//evil"
 * resolves its encoded dot segment and leaves "//evil", a protocol-relative URL. A result that
 * would not survive a second pass (too long once percent-encoded) is refused too. So is a path
 * that becomes protocol-relative once a later layer decodes it ("/%2F%2Fevil", "/%5Cevil",
 * "/%2e%2e%2F%2Fevil"): none of our routes needs an encoded slash at the start of a path, and a
 * proxy or framework that decodes before redirecting would turn it into "//evil".
 */

const BASE = "http://byline.invalid";
const MAX_LENGTH = 2048;
// auth pages as a target would loop back to the form the user just left
const LOOP_PATHS = new Set(["/login", "/register"]);

/** A path-absolute reference a browser resolves against our origin, and nothing else. */
function isPlainPath(s: string): boolean {
  if (s.length === 0 || s.length > MAX_LENGTH) return false;
  // must be an absolute path, and not protocol-relative
  if (!s.startsWith("/") || s.startsWith("//")) return false;
  // browsers treat "\" like "/" and drop tabs/newlines, so "/\evil" or "/\t/evil" become "//evil"
  return !/[\\\u0000-\u001f\u007f]/.test(s);
}

/** Whether decoding the separators and dots that a path may carry encoded still leaves a local path. */
function staysLocalWhenDecoded(pathname: string): boolean {
  const decoded = pathname.replace(/%2f|%5c/gi, "/").replace(/%2e/gi, ".");
  if (decoded.startsWith("//")) return false;
  return !new URL(decoded, BASE).pathname.startsWith("//");
}

export function safeNextPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || !isPlainPath(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (LOOP_PATHS.has(url.pathname) || !staysLocalWhenDecoded(url.pathname)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isPlainPath(path) ? path : fallback;
}

/** `/login?next=…` for a path the visitor was trying to reach. */
export function loginPathFor(target: string): string {
  const next = safeNextPath(target, "");
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}
