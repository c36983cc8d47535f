import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { createArticle, createUser, uid } from "@/lib/test/factories";
import { deleteOwnComment } from "../comments/delete-own-comment";
import { invalidated } from "@/lib/test/next-mocks";
import { auditRowsFor, createActor, fromIp } from "../admin/test-helpers";
import { countPendingComments } from "./count-pending-comments";
import { listCommentsForModeration } from "./list-comments-for-moderation";
import { moderateComments } from "./moderate-comments";

type Opts = {
  body?: string;
  status?: CommentStatus;
  articleId?: string;
  authorId?: string;
  parentId?: string;
};

async function comment(opts: Opts = {}) {
  const articleId = opts.articleId ?? (await createArticle()).id;
  const authorId = opts.authorId ?? (await createUser()).id;
  const status = opts.status ?? "PENDING";
  const c = await db.comment.create({
    data: {
      articleId,
      authorId,
      body: opts.body ?? `<b>不要</b>渲染成 HTML ${uid()}`,
      status,
      parentId: opts.parentId ?? null,
    },
  });
  if (status === "APPROVED") {
    await db.article.update({ where: { id: articleId }, data: { commentCount: { increment: 1 } } });
  }
  return c;
}

const approvedCount = (articleId: string) => db.comment.count({ where: { articleId, status: "APPROVED" } });
const storedCount = async (articleId: string) =>
  (await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount;

beforeEach(() => {
  invalidated.length = 0;
});

describe("listCommentsForModeration", () => {
  it("lists a tab with counts per tab, and the latest decision first elsewhere, for editors", async () => {
    const editor = await createActor("EDITOR");
    const c = await comment();
    const queue = await listCommentsForModeration(editor, { status: "nonsense", q: c.body });
    expect(queue.query.status).toBe("PENDING");
    expect(queue.items.map((i) => i.id)).toEqual([c.id]);
    expect(queue.items[0]).toMatchObject({ body: c.body, article: { id: c.articleId, isPublished: true } });
    expect(queue.counts).toMatchObject({ PENDING: 1, APPROVED: 0 });
    await moderateComments(editor, { ids: [c.id], decision: "approve" });
    const after = await listCommentsForModeration(editor, { status: "APPROVED", q: c.body });
    expect(after.counts).toMatchObject({ PENDING: 0, APPROVED: 1 });
    expect(after.items[0]!.id).toBe(c.id);
  });

  it("filters by article (编号 or title words), by author (name or id) and by text", async () => {
    const editor = await createActor("EDITOR");
    const tag = uid();
    const article = await createArticle({ title: `过滤测试文章 ${tag}` });
    const author = await createUser({ displayName: `过滤读者${tag}` });
    const mine = await comment({ articleId: article.id, authorId: author.id, body: `第一条 ${tag}` });
    const other = await comment({ body: `另一条 ${tag}` });
    const ids = async (input: Record<string, unknown>) =>
      (await listCommentsForModeration(editor, input)).items.map((i) => i.id).sort();
    expect(await ids({ article: article.publicId })).toEqual([mine.id]);
    expect(await ids({ article: `测试文章 ${tag}` })).toEqual([mine.id]);
    expect(await ids({ user: `读者${tag}` })).toEqual([mine.id]);
    expect(await ids({ user: author.id })).toEqual([mine.id]);
    expect(await ids({ q: tag })).toEqual([mine.id, other.id].sort());
    expect(await ids({ q: `另一条 ${tag}`, article: article.publicId })).toEqual([]);
    // hostile search text is no filter rather than a database error
    expect((await listCommentsForModeration(editor, { q: "a\u0000b", user: "\ud800" })).query).toMatchObject({
      q: "",
      user: "",
    });
  });

  it("shows open reports with counts per reason and details, and the author's history and ban", async () => {
    const editor = await createActor("EDITOR");
    const author = await createUser();
    const tag = uid();
    const reportedOne = await comment({ status: "APPROVED", authorId: author.id, body: `被举报 ${tag}` });
    await comment({ status: "REJECTED", authorId: author.id });
    await comment({ status: "APPROVED", authorId: author.id });
    for (const [reason, detail] of [
      ["spam", ""],
      ["spam", ""],
      ["other", "冒充官方客服"],
    ] as const) {
      const reporter = await createUser();
      await db.commentReport.create({
        data: { commentId: reportedOne.id, reporterId: reporter.id, reason, detail },
      });
    }
    await db.commentBan.create({ data: { userId: author.id, reason: "刷屏", createdById: editor.id } });
    const queue = await listCommentsForModeration(editor, { status: "REPORTED", q: tag });
    expect(queue.counts.REPORTED).toBe(1);
    expect(queue.items).toHaveLength(1);
    const [item] = queue.items;
    expect(item!.reports).toEqual({
      total: 3,
      byReason: [
        { reason: "spam", count: 2 },
        { reason: "other", count: 1 },
      ],
      details: ["冒充官方客服"],
    });
    expect(item!.author.history).toMatchObject({ approved: 2, rejected: 1, spam: 0, reported: 1 });
    expect(item!.author.history.ban).toMatchObject({ reason: "刷屏", expiresAt: null });
  });

  it("refuses readers, translators and anonymous callers", async () => {
    await expect(listCommentsForModeration(await createActor("READER"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listCommentsForModeration(await createActor("TRANSLATOR"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listCommentsForModeration(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("moderateComments", () => {
  it("approves, invalidates the article's comment tags and audits with the IP", async () => {
    const editor = await createActor("EDITOR");
    const c = await comment();
    const r = await fromIp("203.0.113.77", () =>
      moderateComments(editor, { ids: [c.id], decision: "approve" }),
    );
    expect(r).toEqual({ changed: 1, skipped: 0 });
    const row = await db.comment.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.status, row.moderatedById]).toEqual(["APPROVED", editor.id]);
    expect(invalidated).toEqual(expect.arrayContaining([tags.comments(c.articleId), tags.latestComments()]));
    const [a] = await auditRowsFor(c.id);
    expect(a).toMatchObject({
      action: "comment.approve",
      actorId: editor.id,
      ip: "203.0.113.77",
      meta: { from: "PENDING", to: "APPROVED" },
    });
  });

  it("keeps Article.commentCount equal to the approved comments through every decision", async () => {
    const admin = await createActor("ADMIN");
    const article = await createArticle();
    const a = await comment({ articleId: article.id, status: "APPROVED" });
    const others = [await comment({ articleId: article.id }), await comment({ articleId: article.id })];
    const elsewhere = await comment();
    const check = async () => {
      expect(await storedCount(article.id)).toBe(await approvedCount(article.id));
      expect(await storedCount(elsewhere.articleId)).toBe(await approvedCount(elsewhere.articleId));
    };
    await check();
    await moderateComments(admin, { ids: [...others.map((o) => o.id), elsewhere.id], decision: "approve" });
    expect(await storedCount(article.id)).toBe(3);
    await check();
    await moderateComments(admin, { ids: [a.id], decision: "spam" });
    await moderateComments(admin, { ids: [others[0]!.id], decision: "reject" });
    expect(await storedCount(article.id)).toBe(1);
    await check();
    await moderateComments(admin, { ids: [others[1]!.id, a.id], decision: "delete" });
    await moderateComments(admin, { ids: [others[0]!.id], decision: "approve" });
    expect(await storedCount(article.id)).toBe(1);
    await check();
  });

  it("keeps the count right when moderators decide the same comments at the same time", async () => {
    const [e1, e2] = [await createActor("EDITOR"), await createActor("EDITOR")];
    const article = await createArticle();
    const cs = await Promise.all(Array.from({ length: 6 }, () => comment({ articleId: article.id })));
    const ids = cs.map((c) => c.id);
    const results = await Promise.allSettled([
      moderateComments(e1, { ids, decision: "approve" }),
      moderateComments(e2, { ids: ids.slice(0, 3), decision: "approve" }),
      moderateComments(e2, { ids: ids.slice(3), decision: "reject" }),
      moderateComments(e1, { ids: [ids[0]!], decision: "spam" }),
    ]);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(await storedCount(article.id)).toBe(await approvedCount(article.id));
  });

  it("a moderator's decision and the author's own delete of the same comment never deadlock", async () => {
    const editor = await createActor("EDITOR");
    const article = await createArticle();
    for (let round = 0; round < 8; round++) {
      const author = await createActor("READER");
      const c = await comment({ articleId: article.id, authorId: author.id, status: "APPROVED" });
      const results = await Promise.allSettled([
        moderateComments(editor, { ids: [c.id], decision: round % 2 ? "spam" : "reject" }),
        deleteOwnComment(author, { id: c.id }),
      ]);
      // the loser of the row lock gets a typed answer (CONFLICT / NOT_FOUND / FORBIDDEN), never a
      // database error such as a deadlock
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AppError);
      expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    }
    expect(await storedCount(article.id)).toBe(await approvedCount(article.id));
  });

  it("marks spam, and removing a reported comment resolves its reports (upheld)", async () => {
    const editor = await createActor("EDITOR");
    const c = await comment({ status: "APPROVED" });
    const reporter = await createUser();
    await db.commentReport.create({ data: { commentId: c.id, reporterId: reporter.id, reason: "spam" } });
    await moderateComments(editor, { ids: [c.id], decision: "spam" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("SPAM");
    const [report] = await db.commentReport.findMany({ where: { commentId: c.id } });
    expect(report).toMatchObject({ resolvedById: editor.id });
    expect(report!.resolvedAt).toBeInstanceOf(Date);
    expect(invalidated).toContain(tags.comments(c.articleId));
    const [audit] = await auditRowsFor(c.id);
    expect(audit).toMatchObject({
      action: "comment.spam",
      meta: { from: "APPROVED", to: "SPAM", reportsResolved: 1 },
    });
  });

  it("通过 on a reported, approved comment dismisses the reports and keeps it visible", async () => {
    const editor = await createActor("EDITOR");
    const c = await comment({ status: "APPROVED" });
    const reporter = await createUser();
    await db.commentReport.create({ data: { commentId: c.id, reporterId: reporter.id, reason: "abuse" } });
    expect(await moderateComments(editor, { ids: [c.id], decision: "approve" })).toEqual({
      changed: 1,
      skipped: 0,
    });
    const row = await db.comment.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe("APPROVED");
    expect(await db.commentReport.count({ where: { commentId: c.id, resolvedAt: null } })).toBe(0);
    expect(await storedCount(c.articleId)).toBe(1);
    expect((await listCommentsForModeration(editor, { status: "REPORTED", q: c.body })).items).toEqual([]);
    // nothing left to dismiss: a second 通过 is someone else's work already done
    await expect(moderateComments(editor, { ids: [c.id], decision: "approve" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("tells the article's author, translator and the parent's author once, never the commenter", async () => {
    const editor = await createActor("EDITOR");
    const [writer, translator, parentAuthor, replier] = await Promise.all([
      createUser({ role: "EDITOR" }),
      createUser({ role: "TRANSLATOR" }),
      createUser(),
      createUser({ displayName: `回复者${uid(4)}` }),
    ]);
    const article = await createArticle({ authorId: writer.id, translatorId: translator.id });
    const parent = await comment({ articleId: article.id, authorId: parentAuthor.id, status: "APPROVED" });
    const reply = await comment({ articleId: article.id, authorId: replier.id, parentId: parent.id });
    const own = await comment({ articleId: article.id, authorId: writer.id });
    await moderateComments(editor, { ids: [reply.id, own.id], decision: "approve" });
    await moderateComments(editor, { ids: [reply.id], decision: "reject" });
    await moderateComments(editor, { ids: [reply.id], decision: "approve" });
    const notes = await db.notification.findMany({
      where: { articleId: article.id },
      orderBy: { userId: "asc" },
    });
    const about = (commentId: string) => notes.filter((n) => n.url?.endsWith(`#comment-${commentId}`));
    expect(
      about(reply.id)
        .map((n) => [n.userId, n.kind])
        .sort(),
    ).toEqual(
      [
        [parentAuthor.id, "comment.reply"],
        [translator.id, "comment.onArticle"],
        [writer.id, "comment.onArticle"],
      ].sort(),
    );
    expect(about(reply.id).find((n) => n.kind === "comment.reply")!.title).toContain("回复了你的评论");
    // the writer's own comment on their own article notifies only the translator
    expect(about(own.id).map((n) => n.userId)).toEqual([translator.id]);
    expect(notes.some((n) => n.userId === replier.id)).toBe(false);
  });

  it("handles a bulk selection and reports comments someone else already handled", async () => {
    const editor = await createActor("EDITOR");
    const [x, y] = [await comment(), await comment()];
    await moderateComments(editor, { ids: [x.id], decision: "approve" });
    expect(await moderateComments(editor, { ids: [x.id, y.id], decision: "approve" })).toEqual({
      changed: 1,
      skipped: 1,
    });
    await expect(moderateComments(editor, { ids: [x.id], decision: "approve" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await auditRowsFor(x.id)).map((r) => r.action)).toEqual(["comment.approve"]);
  });

  it("refuses non-moderators, empty selections and unknown fields", async () => {
    const c = await comment();
    await expect(
      moderateComments(await createActor("CONTRIBUTOR"), { ids: [c.id], decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const editor = await createActor("EDITOR");
    await expect(moderateComments(editor, { ids: [], decision: "approve" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(
      moderateComments(editor, { ids: [c.id], decision: "approve", status: "APPROVED" }),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PENDING");
  });
});

describe("countPendingComments", () => {
  it("counts pending comments for moderators and answers null to everyone else", async () => {
    const editor = await createActor("EDITOR");
    const before = await countPendingComments(editor);
    await comment();
    expect(await countPendingComments(editor)).toBe(before! + 1);
    expect(await countPendingComments(await createActor("CONTRIBUTOR"))).toBeNull();
    expect(await countPendingComments(null)).toBeNull();
  });
});
