import "server-only";
import { db } from "@/lib/db";
import { lastBeijingDays } from "./beijing-days";

export type DayViews = { day: string; views: number };
type TopArticle = { publicId: string; title: string; views: number };
type TopCategory = { slug: string; name: string; views: number };
type Window = { articles: TopArticle[]; categories: TopCategory[] };
export type ViewStats = { days: DayViews[]; top: { d7: Window; d30: Window } };

const CHART_DAYS = 30;
const TOP_N = 10;

type TopRow = { kind: "a7" | "a30" | "c7" | "c30"; key: string; label: string; views: bigint };

/**
 * Views per Beijing day for the chart (every day present, 0 where nothing was read), and the
 * most-read public articles and categories over the last 7 and 30 days. Two statements, both
 * aggregated in PostgreSQL over the (day, views) index's 30-day range: the daily sums, and one
 * per-article sum for both windows that the four top lists are cut from.
 */
export async function loadViewStats(now: Date): Promise<ViewStats> {
  const days = lastBeijingDays(CHART_DAYS, now);
  const from30 = days[0]!;
  const from7 = days[CHART_DAYS - 7]!;
  const today = days[CHART_DAYS - 1]!;
  const [daily, top] = await Promise.all([
    db.$queryRaw<{ day: string; views: bigint }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(views)::bigint AS views
      FROM article_view_days
      WHERE day BETWEEN ${from30}::date AND ${today}::date
      GROUP BY day`,
    db.$queryRaw<TopRow[]>`
      WITH per_article AS (
        SELECT v."articleId",
               COALESCE(sum(v.views) FILTER (WHERE v.day >= ${from7}::date), 0)::bigint AS v7,
               sum(v.views)::bigint AS v30
        FROM article_view_days v
        WHERE v.day BETWEEN ${from30}::date AND ${today}::date
        GROUP BY v."articleId"
      ), live AS (
        SELECT p.v7, p.v30, a."publicId", a.title, a."categoryId", a."publishedAt", a.id
        FROM per_article p JOIN articles a ON a.id = p."articleId"
        WHERE a.status = 'PUBLISHED' AND a."publishedAt" <= ${now} AND a."deletedAt" IS NULL
      ), cats AS (
        SELECT c.slug, c.name, c.position, c.id, sum(l.v7)::bigint AS v7, sum(l.v30)::bigint AS v30
        FROM live l JOIN categories c ON c.id = l."categoryId"
        GROUP BY c.id
      )
      (SELECT 'a7' AS kind, "publicId" AS key, title AS label, v7 AS views FROM live WHERE v7 > 0
        ORDER BY v7 DESC, "publishedAt" DESC, id LIMIT ${TOP_N})
      UNION ALL
      (SELECT 'a30', "publicId", title, v30 FROM live WHERE v30 > 0
        ORDER BY v30 DESC, "publishedAt" DESC, id LIMIT ${TOP_N})
      UNION ALL
      (SELECT 'c7', slug, name, v7 FROM cats WHERE v7 > 0 ORDER BY v7 DESC, position, id LIMIT ${TOP_N})
      UNION ALL
      (SELECT 'c30', slug, name, v30 FROM cats WHERE v30 > 0 ORDER BY v30 DESC, position, id LIMIT ${TOP_N})`,
  ]);
  const byDay = new Map(daily.map((r) => [r.day, Number(r.views)]));
  // UNION ALL keeps each parenthesised branch's order, so filtering by kind keeps the ranking
  const articles = (kind: TopRow["kind"]) =>
    top
      .filter((r) => r.kind === kind)
      .map((r) => ({ publicId: r.key, title: r.label, views: Number(r.views) }));
  const categories = (kind: TopRow["kind"]) =>
    top.filter((r) => r.kind === kind).map((r) => ({ slug: r.key, name: r.label, views: Number(r.views) }));
  return {
    days: days.map((day) => ({ day, views: byDay.get(day) ?? 0 })),
    top: {
      d7: { articles: articles("a7"), categories: categories("c7") },
      d30: { articles: articles("a30"), categories: categories("c30") },
    },
  };
}
