import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listMissedSchedules } from "@/lib/services/articles/list-missed-schedules";
import { listArticles } from "@/lib/services/articles/list/list-articles";
import { listCommentsForModeration } from "@/lib/services/moderation/list-comments-for-moderation";
import { createArticle, createCategory, createUser } from "@/lib/test/factories";
import { createActor } from "../test-helpers";
import { getDashboard } from "./get-dashboard";

// 2031-03-15 12:00 in Beijing: far from the days other test files record views on, so the
// 30-day window holds this file's rows only. The window is 2031-02-14 … 2031-03-15.
const NOW = new Date("2031-03-15T04:00:00Z");
const views = (articleId: string, day: string, n: number) =>
  db.articleViewDay.create({ data: { articleId, day: new Date(`${day}T00:00:00Z`), views: n } });

describe("getDashboard", () => {
  it("sums views per Beijing day with zero-filled gaps and ranks public articles and categories", async () => {
    const admin = await createActor("ADMIN");
    const catA = await createCategory();
    const catB = await createCategory();
    const publishedAt = new Date("2031-03-01T00:00:00Z");
    const p1 = await createArticle({ categoryId: catA.id, publishedAt });
    const p2 = await createArticle({ categoryId: catA.id, publishedAt });
    const p3 = await createArticle({ categoryId: catB.id, publishedAt });
    const draft = await createArticle({ categoryId: catB.id, status: "DRAFT" });
    const gone = await createArticle({ categoryId: catB.id, publishedAt });
    await db.article.update({ where: { id: gone.id }, data: { deletedAt: NOW } });
    await Promise.all([
      views(p1.id, "2031-03-15", 5),
      views(p1.id, "2031-03-10", 3),
      views(p1.id, "2031-02-20", 100),
      views(p2.id, "2031-03-14", 20),
      views(p3.id, "2031-02-14", 7), // first day of the window
      views(p3.id, "2031-02-13", 1000), // a day before it
      views(draft.id, "2031-03-15", 500), // read (a preview), but not a public article
      views(gone.id, "2031-03-09", 900), // first day of the 7-day window, deleted since
    ]);

    const d = await getDashboard(admin, { now: NOW });
    expect(d.days).toHaveLength(30);
    expect(d.days[0]).toEqual({ day: "2031-02-14", views: 7 });
    expect(d.days.at(-1)).toEqual({ day: "2031-03-15", views: 505 });
    const byDay = Object.fromEntries(d.days.map((x) => [x.day, x.views]));
    expect(byDay).toMatchObject({ "2031-03-14": 20, "2031-03-10": 3, "2031-03-09": 900, "2031-02-20": 100 });
    expect(byDay["2031-02-28"]).toBe(0);
    expect(d.days.reduce((s, x) => s + x.views, 0)).toBe(7 + 100 + 900 + 3 + 20 + 505);

    expect(d.top.d7.articles).toEqual([
      { publicId: p2.publicId, title: p2.title, views: 20 },
      { publicId: p1.publicId, title: p1.title, views: 8 },
    ]);
    expect(d.top.d30.articles.map((a) => [a.publicId, a.views])).toEqual([
      [p1.publicId, 108],
      [p2.publicId, 20],
      [p3.publicId, 7],
    ]);
    expect(d.top.d7.categories).toEqual([{ slug: catA.slug, name: catA.name, views: 28 }]);
    expect(d.top.d30.categories.map((c) => [c.slug, c.views])).toEqual([
      [catA.slug, 128],
      [catB.slug, 7],
    ]);
  });

  it("shows the empty chart as 30 zero days when nothing was read", async () => {
    const d = await getDashboard(await createActor("ADMIN"), { now: new Date("2035-06-01T00:00:00Z") });
    expect(d.days).toHaveLength(30);
    expect(d.days.every((x) => x.views === 0)).toBe(true);
    expect(d.top.d30).toEqual({ articles: [], categories: [] });
  });

  it("counts what waits, each figure equal to the list it links to", async () => {
    const admin = await createActor("ADMIN");
    const before = await getDashboard(admin, { now: NOW });
    const reader = await createUser();
    const reporter = await createUser();
    await createArticle({ status: "DRAFT" });
    const contribution = await createArticle({ status: "IN_REVIEW" });
    await db.article.update({ where: { id: contribution.id }, data: { isContribution: true } });
    await createArticle({ status: "IN_REVIEW" });
    await createArticle({ status: "SCHEDULED", publishedAt: null });
    const missed = await createArticle({ publishedAt: new Date(NOW.getTime() - 86_400_000) });
    const missedLongAgo = await createArticle({ publishedAt: new Date(NOW.getTime() - 8 * 86_400_000) });
    const changed = await createArticle({ status: "PUBLISHED" });
    const deleted = await createArticle({ status: "IN_REVIEW" });
    await db.article.update({ where: { id: missed.id }, data: { missedScheduleAt: missed.publishedAt } });
    await db.article.update({
      where: { id: missedLongAgo.id },
      data: { missedScheduleAt: missedLongAgo.publishedAt },
    });
    await db.article.update({ where: { id: changed.id }, data: { sourceChangedAt: NOW } });
    await db.article.update({
      where: { id: deleted.id },
      data: { deletedAt: NOW, sourceChangedAt: NOW, isContribution: true },
    });
    const comment = (status: "PENDING" | "APPROVED" | "DELETED") =>
      db.comment.create({ data: { articleId: changed.id, authorId: reader.id, body: "评论", status } });
    await comment("PENDING");
    const reported = await comment("APPROVED");
    const removed = await comment("DELETED");
    const settled = await comment("APPROVED");
    await db.commentReport.createMany({
      data: [
        { commentId: reported.id, reporterId: reporter.id, reason: "spam" },
        { commentId: reported.id, reporterId: reader.id, reason: "abuse" }, // two reports, one comment
        { commentId: removed.id, reporterId: reporter.id, reason: "spam" },
        { commentId: settled.id, reporterId: reporter.id, reason: "spam", resolvedAt: NOW },
      ],
    });

    const after = await getDashboard(admin, { now: NOW });
    expect(after.articles).toEqual({
      ...before.articles,
      DRAFT: before.articles.DRAFT + 1,
      IN_REVIEW: before.articles.IN_REVIEW + 2,
      SCHEDULED: before.articles.SCHEDULED + 1,
      PUBLISHED: before.articles.PUBLISHED + 3,
    });
    expect(after.contributionsWaiting).toBe(before.contributionsWaiting + 1);
    expect(after.missedSchedules).toBe(before.missedSchedules + 1);
    expect(after.sourceChanged).toBe(before.sourceChanged + 1);
    expect(after.pendingComments).toBe(before.pendingComments + 1);
    expect(after.reportedComments).toBe(before.reportedComments + 1);

    // the lists the figures link to show the same numbers
    expect((await listArticles(admin, {})).counts).toEqual(after.articles);
    const contributions = await listArticles(admin, { status: "IN_REVIEW", contribution: "1" });
    expect(contributions.total).toBe(after.contributionsWaiting);
    const queue = await listCommentsForModeration(admin, {});
    expect([queue.counts.PENDING, queue.counts.REPORTED]).toEqual([
      after.pendingComments,
      after.reportedComments,
    ]);
    expect((await listMissedSchedules(admin, { now: NOW })).length).toBe(after.missedSchedules);
  });

  it("is for admins only", async () => {
    await expect(getDashboard(await createActor("EDITOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getDashboard(await createActor("READER"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getDashboard(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
