import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";

/** Pending views: "<articleId>\u0000<YYYY-MM-DD>" → count. */
export type ViewCounts = Map<string, number>;

export const viewKey = (articleId: string, day: string) => `${articleId}\u0000${day}`;

function rowsOf(counts: ViewCounts) {
  return [...counts].flatMap(([key, n]) => {
    const [articleId, day] = key.split("\u0000");
    return articleId && day && n > 0 ? [{ articleId, day, n }] : [];
  });
}

/**
 * Writes a batch in two statements in one transaction: the running totals with a single
 * UPDATE … FROM (VALUES …) and the daily rows with a single upsert. Articles deleted since
 * the view are skipped (the join and the EXISTS), not an error.
 */
export async function flushViewCounts(db: Pick<Db, "$transaction">, counts: ViewCounts): Promise<number> {
  const rows = rowsOf(counts);
  if (rows.length === 0) return 0;
  const values = Prisma.join(rows.map((r) => Prisma.sql`(${r.articleId}, ${r.day}::date, ${r.n}::int)`));
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE articles AS a SET "viewCount" = a."viewCount" + t.n
      FROM (SELECT v.id, sum(v.n)::int AS n FROM (VALUES ${values}) AS v(id, day, n) GROUP BY v.id) AS t
      WHERE a.id = t.id`;
    await tx.$executeRaw`
      INSERT INTO article_view_days ("articleId", day, views)
      SELECT v.id, v.day, v.n FROM (VALUES ${values}) AS v(id, day, n)
      WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = v.id)
      ON CONFLICT ("articleId", day) DO UPDATE SET views = article_view_days.views + EXCLUDED.views`;
  });
  return rows.reduce((sum, r) => sum + r.n, 0);
}
