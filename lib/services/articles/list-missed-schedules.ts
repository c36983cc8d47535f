import "server-only";
import { can, mayAttempt, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type MissedSchedule = {
  id: string;
  publicId: string;
  title: string;
  status: string;
  /** when it should have gone out */
  missedScheduleAt: Date;
  /** when the scheduler found it and published it */
  publishedAt: Date | null;
};

const WINDOW_MS = 7 * 86_400_000;
const LIMIT = 50;

/**
 * 错过定时的文章 for the dashboard: schedules the server missed (it was not running at the time)
 * whose late publication happened in the last 7 days (lib/services/articles/publish-due-scheduled.ts
 * flags them), newest first. Those who schedule (editors, admins) see all of them; other staff
 * see their own articles and translations.
 */
export async function listMissedSchedules(
  actor: Actor | null,
  opts: { now?: Date } = {},
): Promise<MissedSchedule[]> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!mayAttempt(actor, "article.viewDraft")) throw new AppError("FORBIDDEN");
  const since = new Date((opts.now ?? new Date()).getTime() - WINDOW_MS);
  const seesAll = can(actor, "article.schedule");
  const rows = await db.article.findMany({
    where: {
      missedScheduleAt: { not: null },
      publishedAt: { gte: since },
      deletedAt: null,
      ...(seesAll ? {} : { OR: [{ authorId: actor.id }, { translatorId: actor.id }] }),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      publicId: true,
      title: true,
      status: true,
      missedScheduleAt: true,
      publishedAt: true,
    },
  });
  return rows.map((r) => ({ ...r, missedScheduleAt: r.missedScheduleAt! }));
}
