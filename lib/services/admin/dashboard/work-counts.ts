import "server-only";
import { db } from "@/lib/db";
import { ArticleStatus } from "@/lib/generated/prisma/enums";

/** What waits for someone, each the same number the list it links to shows. */
export type WorkCounts = {
  /** live articles (not in the 回收站) per status: the tabs of 全部文章 */
  articles: Record<ArticleStatus, number>;
  /** 投稿 in review: 全部文章 filtered to contributions, 审核中 */
  contributionsWaiting: number;
  /** schedules the server missed and published late in the last 7 days (listMissedSchedules) */
  missedSchedules: number;
  /** translations whose source changed (原文已更新, listSourceUpdates) */
  sourceChanged: number;
  /** the 评论审核 tabs 待审核 and 被举报 */
  pendingComments: number;
  reportedComments: number;
};

const MISSED_WINDOW_MS = 7 * 86_400_000;

type ArticleRow = Record<ArticleStatus, number> & {
  contributions: number;
  missed: number;
  sourceChanged: number;
};

/**
 * Two statements: one pass over the live articles with a FILTER per figure (10,000 rows is a
 * few milliseconds, fewer round trips than a count each), and the two comment queue counts on
 * comments(status, createdAt) and the open reports.
 */
export async function loadWorkCounts(now: Date): Promise<WorkCounts> {
  const since = new Date(now.getTime() - MISSED_WINDOW_MS);
  const [[a], [c]] = await Promise.all([
    db.$queryRaw<ArticleRow[]>`
      SELECT
        count(*) FILTER (WHERE status = 'DRAFT')::int AS "DRAFT",
        count(*) FILTER (WHERE status = 'IN_REVIEW')::int AS "IN_REVIEW",
        count(*) FILTER (WHERE status = 'SCHEDULED')::int AS "SCHEDULED",
        count(*) FILTER (WHERE status = 'PUBLISHED')::int AS "PUBLISHED",
        count(*) FILTER (WHERE status = 'ARCHIVED')::int AS "ARCHIVED",
        count(*) FILTER (WHERE "isContribution" AND status = 'IN_REVIEW')::int AS contributions,
        count(*) FILTER (WHERE "missedScheduleAt" IS NOT NULL AND "publishedAt" >= ${since})::int AS missed,
        count(*) FILTER (WHERE "sourceChangedAt" IS NOT NULL)::int AS "sourceChanged"
      FROM articles
      WHERE "deletedAt" IS NULL`,
    db.$queryRaw<{ pending: number; reported: number }[]>`
      SELECT
        (SELECT count(*)::int FROM comments WHERE status = 'PENDING') AS pending,
        (SELECT count(*)::int FROM comments c
          WHERE c.status <> 'DELETED'
            AND EXISTS (SELECT 1 FROM comment_reports r WHERE r."commentId" = c.id AND r."resolvedAt" IS NULL)
        ) AS reported`,
  ]);
  const articles = Object.fromEntries(Object.values(ArticleStatus).map((s) => [s, a![s]])) as Record<
    ArticleStatus,
    number
  >;
  return {
    articles,
    contributionsWaiting: a!.contributions,
    missedSchedules: a!.missed,
    sourceChanged: a!.sourceChanged,
    pendingComments: c!.pending,
    reportedComments: c!.reported,
  };
}
