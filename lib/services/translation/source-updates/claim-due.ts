import "server-only";
import { db } from "@/lib/db";

export type ClaimedSource = { id: string; sourceUrl: string };

/** Translations are watched for this long after publication. */
const WATCH_WINDOW_MS = 30 * 24 * 3600_000;

/**
 * Claims the articles whose source is due for a check by stamping sourceCheckedAt in one
 * statement. FOR UPDATE SKIP LOCKED lets a second instance running the job at the same moment
 * pass over rows the first is claiming, and once the first commits its stamp makes them
 * no longer due: every source is fetched by one instance only. A failed fetch keeps the stamp,
 * so a broken source is retried after minIntervalMs, not on every tick.
 */
export async function claimDueSources(opts: {
  now: Date;
  minIntervalMs: number;
  limit: number;
}): Promise<ClaimedSource[]> {
  const { now, minIntervalMs, limit } = opts;
  const since = new Date(now.getTime() - WATCH_WINDOW_MS);
  const checkedBefore = new Date(now.getTime() - minIntervalMs);
  return db.$queryRaw<ClaimedSource[]>`
    UPDATE articles SET "sourceCheckedAt" = ${now}
    WHERE id IN (
      SELECT id FROM articles
      WHERE status = 'PUBLISHED'::"ArticleStatus"
        AND "sourceUrl" IS NOT NULL AND "sourceSnapshotId" IS NOT NULL
        AND "publishedAt" >= ${since} AND "publishedAt" <= ${now}
        AND ("sourceCheckedAt" IS NULL OR "sourceCheckedAt" <= ${checkedBefore})
      ORDER BY "sourceCheckedAt" ASC NULLS FIRST, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "sourceUrl"`;
}
