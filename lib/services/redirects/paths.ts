/**
 * Old public URLs that answer 301 (issue 14): a tag or category slug that changed, a tag merged into
 * another. Rows are keyed by the page's path with the slug as stored, not percent-encoded
 * ("/tag/apt-29"), so every writer and the proxy agree on one spelling whatever encoding a link used.
 *
 * One row covers the page and everything under it: /category/old/feed answers 301 to
 * /category/new/feed (prefix at the slug segment), so the feed and any later sub-path follow the
 * slug without rows of their own. The rest of the path and the query string are kept.
 */
type RedirectKind = "tag" | "category";

/** The stored path of a tag or category page. */
export const pagePath = (kind: RedirectKind, slug: string) => `/${kind}/${slug}`;

/** Longer than any slug may be (64): such a path is never looked up. */
const MAX_SLUG = 64;
const REDIRECTABLE = /^\/(tag|category)\/([^/]+)(\/.*)?$/;
// C0 controls and DEL never appear in a slug; refusing them keeps odd bytes out of the query
const CONTROL = /[\u0000-\u001F\u007F]/;

type RedirectablePath = { kind: RedirectKind; slug: string; key: string; rest: string };

/**
 * The redirect key of a request path (as the URL carries it, percent-encoded), or null for any
 * other path, a segment that does not decode, or one no slug could be. Cheap: a regex first.
 */
export function redirectablePath(pathname: string): RedirectablePath | null {
  const m = REDIRECTABLE.exec(pathname);
  if (!m) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(m[2]!);
  } catch {
    return null;
  }
  if (!slug || [...slug].length > MAX_SLUG || CONTROL.test(slug) || slug.includes("/")) return null;
  const kind = m[1] as RedirectKind;
  return { kind, slug, key: pagePath(kind, slug), rest: m[3] ?? "" };
}

/** The Location for a stored target path: its slug percent-encoded, then the rest and the query. */
export function redirectLocation(toPath: string, rest: string, search: string): string {
  const [, kind, ...slug] = toPath.split("/");
  return `/${kind}/${encodeURIComponent(slug.join("/"))}${rest}${search}`;
}
