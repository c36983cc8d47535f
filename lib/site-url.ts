/**
 * The public origin, from SITE_URL (default http://localhost:3000), without a trailing slash.
 * Read directly rather than through lib/env so that metadata and feeds do not need DATABASE_URL.
 */
export function siteUrl(): string {
  return (process.env.SITE_URL || "http://localhost:3000").replace(/\/+$/, "");
}

/** An absolute URL for a site path ("/posts/abc" → "https://example.com/posts/abc"). */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
