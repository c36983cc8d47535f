import "server-only";
import { servedBodyHtml, RENDER_VERSION } from "@/lib/content/render-version";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

type Row = { id: string; version: number; bodyHtml: string; renderVersion: number };

/**
 * The body HTML to serve for an article read with its renderVersion (lib/content/render-version.ts).
 * A stale render is rendered again from bodyJson (read only then) and written back, best effort:
 * one UPDATE guarded by the version read, so a save made meanwhile is never overwritten, and
 * without touching updatedAt or version (the content did not change, only its rendering).
 */
export async function currentBodyHtml(row: Row): Promise<string> {
  if (row.renderVersion >= RENDER_VERSION) return row.bodyHtml;
  const stored = await db.article.findUnique({ where: { id: row.id }, select: { bodyJson: true } });
  const { html, stale } = servedBodyHtml({ ...row, bodyJson: stored?.bodyJson ?? null });
  if (stale) void storeRerender(row.id, row.version, html);
  return html;
}

export function storeRerender(id: string, version: number, html: string): Promise<number> {
  return db.$executeRaw`
    UPDATE articles SET "bodyHtml" = ${html}, "renderVersion" = ${RENDER_VERSION}
    WHERE id = ${id} AND "renderVersion" < ${RENDER_VERSION} AND version = ${version}`.catch(
    (err: unknown) => {
      logger.warn({ err, articleId: id }, "storing a re-rendered article body failed");
      return 0;
    },
  );
}
