import "server-only";
import { announceInvalidation } from "@/lib/cache/invalidation-bus";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format/beijing-time";
import { invalidateFromBackground } from "@/lib/jobs/background-invalidation";
import { notifyContributionPublished } from "@/lib/services/contributions/notify-published";
import { recordMemory } from "@/lib/services/translation/memory/record-memory";
import { announceTransition, cacheTagsOf } from "./side-effects";
import { recordTransition } from "./transition";

type DueRow = { id: string; missedScheduleAt: Date | null };

/** Past this, a schedule counts as missed (the server was not running at the time). */
const DEFAULT_MISSED_GRACE_MS = 2 * 30_000 + 60_000;

export const ON_TIME_NOTE = "定时发布";
export const missedNote = (publishedAt: Date) =>
  `定时发布错过了预定时间（服务器当时未运行），已于 ${formatDateTime(publishedAt)} 发布`;

export type PublishDueOptions = {
  /** the clock (tests inject one); the database's own clock is not used */
  now?: Date;
  /** how late a schedule may be found and still count as on time */
  graceMs?: number;
  /** false: skip the loopback cache invalidation (tests without a server) */
  invalidate?: boolean;
};

/**
 * Publishes every SCHEDULED article whose time has come. On time (found within the grace), it is
 * published with the scheduled moment as its date. Missed (the server was down at the time), it
 * is published now, with `publishedAt` = now (never back-dated, so it shows as new, not buried
 * under articles published since) and `missedScheduleAt` = the moment it should have gone out,
 * which flags it on the editors' dashboard (list-missed-schedules.ts).
 *
 * One UPDATE … RETURNING claims the rows: with several instances running this at once,
 * PostgreSQL's row locks make each article change exactly once; a concurrent UPDATE re-checks
 * `status = 'SCHEDULED'` after the lock and skips it. In the same transaction, per article: the
 * version bump (in the UPDATE), the history row and STATUS revision (recordTransition, no actor),
 * the audit row, the translation memory and, for a 投稿, its reader's notice. Then the public caches are expired through the
 * server (lib/jobs/background-invalidation.ts), so the article shows within moments.
 */
export async function publishDueScheduled(
  opts: PublishDueOptions = {},
): Promise<{ published: string[]; missed: string[] }> {
  const now = opts.now ?? new Date();
  const missedBefore = new Date(now.getTime() - (opts.graceMs ?? DEFAULT_MISSED_GRACE_MS));
  const rows = await db.$transaction(async (tx) => {
    // SET expressions all read the row as it was, so "scheduledAt" there is the schedule
    const due = await tx.$queryRaw<DueRow[]>`
      UPDATE articles
      SET status = 'PUBLISHED'::"ArticleStatus",
          "publishedAt" = CASE WHEN "scheduledAt" < ${missedBefore} THEN ${now} ELSE "scheduledAt" END,
          "missedScheduleAt" = CASE WHEN "scheduledAt" < ${missedBefore} THEN "scheduledAt" ELSE NULL END,
          "scheduledAt" = NULL,
          version = version + 1,
          "updatedAt" = ${now}
      WHERE status = 'SCHEDULED'::"ArticleStatus" AND "scheduledAt" <= ${now} AND "deletedAt" IS NULL
      RETURNING id, "missedScheduleAt"`;
    for (const a of due) {
      await recordTransition(tx, {
        articleId: a.id,
        actorId: null,
        from: "SCHEDULED",
        to: "PUBLISHED",
        note: a.missedScheduleAt ? missedNote(now) : ON_TIME_NOTE,
      });
      await tx.auditLog.create({
        data: {
          actorId: null,
          action: "article.publishScheduled",
          targetType: "article",
          targetId: a.id,
          meta: {
            from: "SCHEDULED",
            to: "PUBLISHED",
            ...(a.missedScheduleAt ? { missedScheduleAt: a.missedScheduleAt.toISOString() } : {}),
          },
        },
      });
      await recordMemory(tx, a.id);
      await notifyContributionPublished(tx, a.id);
    }
    return due;
  });
  if (rows.length && opts.invalidate !== false) {
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
    await invalidateFromBackground(heads.flatMap(cacheTagsOf));
    // and every other app instance (lib/cache/invalidation-bus.ts)
    announceInvalidation(heads.flatMap(cacheTagsOf));
  }
  for (const r of rows) await announceTransition(r.id, "SCHEDULED", "PUBLISHED");
  return {
    published: rows.map((r) => r.id),
    missed: rows.filter((r) => r.missedScheduleAt).map((r) => r.id),
  };
}

/** The earliest schedule still waiting: the timer arms itself for it (lib/jobs/scheduled-publisher.ts). */
export async function nextScheduledAt(): Promise<Date | null> {
  const next = await db.article.findFirst({
    where: { status: "SCHEDULED", deletedAt: null, scheduledAt: { not: null } },
    orderBy: { scheduledAt: "asc" },
    select: { scheduledAt: true },
  });
  return next?.scheduledAt ?? null;
}
