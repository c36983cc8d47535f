import "server-only";
import { db } from "@/lib/db";
import { recordMemory } from "@/lib/services/translation/memory/record-memory";
import { cacheTagsOf, invalidatePublic } from "./side-effects";

type DueRow = { id: string; authorId: string; translatorId: string | null };

/**
 * Publishes every SCHEDULED article whose time has come, with the scheduled moment as its
 * publication date. One UPDATE … RETURNING claims the rows: with several instances running this
 * at once, PostgreSQL's row locks make each article change (and be audited) exactly once; a
 * concurrent UPDATE re-checks `status = 'SCHEDULED'` after the lock and skips it.
 */
export async function publishDueScheduled(): Promise<{ published: string[] }> {
  const rows = await db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<DueRow[]>`
      UPDATE articles
      SET status = 'PUBLISHED'::"ArticleStatus", "publishedAt" = "scheduledAt", "scheduledAt" = NULL, "updatedAt" = now()
      WHERE status = 'SCHEDULED'::"ArticleStatus" AND "scheduledAt" <= now()
      RETURNING id, "authorId", "translatorId"`;
    if (due.length) {
      await tx.auditLog.createMany({
        data: due.map((a) => ({
          actorId: null,
          action: "article.publishScheduled",
          targetType: "article",
          targetId: a.id,
          meta: { from: "SCHEDULED", to: "PUBLISHED" },
        })),
      });
      for (const a of due) await recordMemory(tx, a.id);
    }
    return due;
  });
  if (rows.length) {
    const heads = await db.article.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      select: {
        id: true,
        authorId: true,
        translatorId: true,
        category: { select: { slug: true } },
        tags: { select: { tag: { select: { slug: true } } } },
      },
    });
    invalidatePublic(heads.flatMap(cacheTagsOf));
  }
  return { published: rows.map((r) => r.id) };
}
