import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { countQueries } from "@/lib/test/query-counter";
import { flushViewCounts, viewKey } from "./flush-view-counts";
import { createViewBuffer } from "./view-buffer";

const dayRows = (articleId: string) =>
  db.articleViewDay.findMany({
    where: { articleId },
    orderBy: { day: "asc" },
    select: { day: true, views: true },
  });
const iso = (rows: { day: Date; views: number }[]) =>
  rows.map((r) => [r.day.toISOString().slice(0, 10), r.views]);

describe("flushViewCounts", () => {
  it("adds batch totals to viewCount and upserts the daily rows", async () => {
    const a = await createArticle({ viewCount: 10 });
    const b = await createArticle();
    await db.articleViewDay.create({ data: { articleId: a.id, day: new Date("2026-11-27"), views: 5 } });

    const { result: written, queries } = await countQueries(() =>
      flushViewCounts(
        db,
        new Map([
          [viewKey(a.id, "2026-11-27"), 3],
          [viewKey(a.id, "2026-11-28"), 2],
          [viewKey(b.id, "2026-11-28"), 1],
        ]),
      ),
    );

    expect(written).toBe(6);
    // one statement for the totals and one for the daily rows, however many articles
    expect(queries.map((q) => q.trim().split(/\s+/)[0])).toEqual(["UPDATE", "INSERT"]);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).viewCount).toBe(15);
    expect((await db.article.findUniqueOrThrow({ where: { id: b.id } })).viewCount).toBe(1);
    expect(iso(await dayRows(a.id))).toEqual([
      ["2026-11-27", 8],
      ["2026-11-28", 2],
    ]);
    expect(iso(await dayRows(b.id))).toEqual([["2026-11-28", 1]]);
  });

  it("skips articles deleted since the view instead of failing the batch", async () => {
    const a = await createArticle();
    const gone = await createArticle();
    await db.article.delete({ where: { id: gone.id } });
    await flushViewCounts(
      db,
      new Map([
        [viewKey(a.id, "2026-11-28"), 1],
        [viewKey(gone.id, "2026-11-28"), 4],
      ]),
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).viewCount).toBe(1);
    expect(await db.articleViewDay.count({ where: { articleId: gone.id } })).toBe(0);
  });

  it("writes many buffered views of many readers as one batch", async () => {
    const articles = await Promise.all([createArticle(), createArticle(), createArticle()]);
    const buffer = createViewBuffer({ write: (c) => flushViewCounts(db, c) });
    const at = Date.UTC(2026, 10, 28, 4);
    for (let i = 0; i < 30; i++) buffer.add(articles[i % 3]!.id, at);
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
