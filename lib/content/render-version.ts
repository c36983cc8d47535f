import type { JSONContent } from "@tiptap/core";
import { logger } from "@/lib/logger";
import { renderArticle } from "./render";
import { sanitizeArticleHtml } from "./sanitize";

/**
 * The version of the renderer and sanitiser that produced an article's stored bodyHtml. Bump it
 * whenever their output changes (a new attribute allowed or refused, new figure markup): every
 * article written by an older version is then re-rendered from bodyJson when it is read, so a
 * tightened sanitiser applies to old articles too, not only to the ones saved after it.
 * Writers store it beside the HTML (create-article.ts, save-content.ts).
 */
// 4: CVE ids in prose link to /cve/<id> (issue 16)
export const RENDER_VERSION = 4;

type StoredBody = { bodyHtml: string; bodyJson: unknown; renderVersion: number };

/**
 * The body HTML to serve. Current renders are served as stored; older ones are rendered again
 * from the tiptap JSON (renderArticle sanitises). A document the current limits refuse is never
 * served raw: its stored HTML goes through today's sanitiser instead. `stale` tells the caller
 * the stored copy may be replaced (storeRerender, best effort).
 */
export function servedBodyHtml(row: StoredBody): { html: string; stale: boolean } {
  if (row.renderVersion >= RENDER_VERSION) return { html: row.bodyHtml, stale: false };
  try {
    return { html: renderArticle(row.bodyJson as JSONContent).html, stale: true };
  } catch (err) {
    logger.warn({ err }, "re-render of an old article body failed; serving its sanitised stored HTML");
    return { html: sanitizeArticleHtml(row.bodyHtml), stale: false };
  }
}
