import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { countQueries } from "@/lib/test/query-counter";
import { flushViewCounts } from "./flush-view-counts";
import { createPendingViews } from "./pending-views.mjs";
import { visitorHash } from "./view-claims.mjs";
import { createViewBuffer } from "./view-buffer";

const dayRows = (articleId: string) =>
  db.articleViewDay.findMany({
    where: { articleId },
    orderBy: { day: "asc" },
    select: { day: true, views: true },
  });
const iso = (rows: { day: Date; views: number }[]) =>
  rows.map((r) => [r.day.toISOString().slice(0, 10), r.views]);
/** ms at hh:00 Beijing time on 2026-11-dd */
const beijing = (dd: number, hh = 12) => Date.UTC(2026, 10, dd, hh - 8);
let visitors = 0;
const batchOf = (views: [articleId: string, at: number][]) => {
  const batch = createPendingViews();
  for (const [articleId, at] of views) batch.add(visitorHash(`flush-visitor-${++visitors}`), articleId, at);
  return batch;
};

describe("flushViewCounts", () => {
  it("adds batch totals to viewCount, upserts the daily rows and claims each visitor, in one statement", async () => {
    const a = await createArticle({ viewCount: 10 });
    const b = await createArticle();
    await db.articleViewDay.create({ data: { articleId: a.id, day: new Date("2026-11-27"), views: 5 } });

    const { result: written, queries } = await countQueries(() =>
      flushViewCounts(
        db,
        batchOf([
          [a.id, beijing(27)],
          [a.id, beijing(27)],
          [a.id, beijing(27)],
          [a.id, beijing(28)],
          [a.id, beijing(28)],
          [b.id, beijing(28)],
        ]),
      ),
    );

    expect(written).toBe(6);
    // one statement for the claims, the totals and the daily rows, however many articles
    expect(queries.map((q) => q.trim().split(/\s+/)[0])).toEqual(["WITH"]);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).viewCount).toBe(15);
    expect((await db.article.findUniqueOrThrow({ where: { id: b.id } })).viewCount).toBe(1);
    expect(iso(await dayRows(a.id))).toEqual([
      ["2026-11-27", 8],
      ["2026-11-28", 2],
    ]);
    expect(iso(await dayRows(b.id))).toEqual([["2026-11-28", 1]]);
    expect(await db.viewClaim.count({ where: { articleId: a.id } })).toBe(5);
  });

  it("skips articles deleted since the view instead of failing the batch", async () => {
    const a = await createArticle();
    const gone = await createArticle();
    await db.article.delete({ where: { id: gone.id } });
    const batch = batchOf([
      [a.id, beijing(28)],
      [gone.id, beijing(28)],
      [gone.id, beijing(28)],
    ]);
    expect(await flushViewCounts(db, batch)).toBe(1);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).viewCount).toBe(1);
    expect(await db.articleViewDay.count({ where: { articleId: gone.id } })).toBe(0);
    expect(await db.viewClaim.count({ where: { articleId: gone.id } })).toBe(0);
  });

  it("writes many buffered views of many readers as one batch", async () => {
    const articles = await Promise.all([createArticle(), createArticle(), createArticle()]);
    const buffer = createViewBuffer({ write: (c) => flushViewCounts(db, c) });
    const at = Date.UTC(2026, 10, 28, 4);
    for (let i = 0; i < 30; i++) buffer.add(articles[i % 3]!.id, `many-readers-${i}`, at);
    await buffer.flush();
    const rows = await db.article.findMany({
      where: { id: { in: articles.map((x) => x.id) } },
      select: { viewCount: true },
    });
    expect(rows.map((r) => r.viewCount)).toEqual([10, 10, 10]);
    expect(
      await db.articleViewDay.aggregate({
        where: { articleId: { in: articles.map((x) => x.id) } },
        _sum: { views: true },
      }),
    ).toEqual({
      _sum: { views: 30 },
    });
  });
});
