import "server-only";
import { RateLimiter, type WindowRule } from "@/lib/security/rate-limit";
import { findPreviewArticleId } from "./find-preview-article-id";

/** /preview/<token> page views, for proxy.ts: the token is the path's one segment. */
export const PREVIEW_PAGE = /^\/preview\/([^/]+)\/?$/;

/** Lookups per IP: far above anyone reading shared drafts, low enough to bound the database work. */
const PREVIEW_LOOKUPS: WindowRule = { limit: 60, windowMs: 60_000 };

const limiter = new RateLimiter();

/**
 * Whether a preview link is live, decided before the page renders so a dead link is a real 404
 * (a page's own notFound() runs after the streamed shell has sent 200). Past the per-IP limit
 * every token answers as dead. The page checks the link again itself: this is the status, not
 * the permission.
 */
export async function previewLinkIsLive(token: string, ip: string | null): Promise<boolean> {
  const { points } = await limiter.hit(`preview:ip:${ip ?? "unknown"}`, PREVIEW_LOOKUPS);
  if (points > PREVIEW_LOOKUPS.limit) return false;
  return (await findPreviewArticleId(token)) !== null;
}
