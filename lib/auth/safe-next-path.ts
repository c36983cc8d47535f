/**
 * The `?next=` target after login, register or sign-out: only a path on this site.
 * Anything that a browser could read as another origin ("//evil.example", "/\evil.example",
 * "https://…", a tab or newline that URL parsing strips) falls back to `fallback`.
 * Pure (no server-only), so the login form, actions and proxy can all use it.
 */

const BASE = "http://byline.invalid";
// auth pages as a target would loop back to the form the user just left
const LOOP_PATHS = new Set(["/login", "/register"]);

export function safeNextPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  // must be an absolute path, and not protocol-relative
  if (!raw.startsWith("/") || raw.startsWith("//")) return fallback;
  // browsers treat "\" like "/" and drop tabs/newlines, so "/\evil" or "/\t/evil" become "//evil"
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;

  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (LOOP_PATHS.has(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/login?next=…` for a path the visitor was trying to reach. */
export function loginPathFor(target: string): string {
  const next = safeNextPath(target, "");
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}
