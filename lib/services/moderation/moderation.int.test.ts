import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { auditRowsFor, createActor, fromIp } from "../admin/test-helpers";
import { listCommentsForModeration } from "./list-comments-for-moderation";
import { moderateComments } from "./moderate-comments";

async function pendingComment(body = "<b>不要</b>渲染成 HTML") {
  const article = await createArticle();
  const author = await createUser();
  return db.comment.create({ data: { articleId: article.id, authorId: author.id, body, status: "PENDING" } });
}

beforeEach(() => {
  invalidated.length = 0;
});

describe("listCommentsForModeration", () => {
  it("lists a tab oldest-first with counts per tab, for editors", async () => {
    const editor = await createActor("EDITOR");
    const c = await pendingComment();
    const before = await listCommentsForModeration(editor, { status: "APPROVED" });
    const queue = await listCommentsForModeration(editor, { status: "nonsense" });
    expect(queue.status).toBe("PENDING");
    const item = queue.items.find((i) => i.id === c.id) ?? (await findAcrossPages(editor, c.id));
    expect(item).toMatchObject({ body: c.body, article: { id: c.articleId, isPublished: true } });
    await moderateComments(editor, { ids: [c.id], decision: "approve" });
    const after = await listCommentsForModeration(editor, { status: "APPROVED" });
    expect(after.counts.APPROVED).toBe(before.counts.APPROVED + 1);
    expect(after.items[0]!.id).toBe(c.id); // latest decision first
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

async function findAcrossPages(actor: Awaited<ReturnType<typeof createActor>>, id: string) {
  for (let page = 1; page < 100; page++) {
    const q = await listCommentsForModeration(actor, { page });
    const hit = q.items.find((i) => i.id === id);
    if (hit || page >= q.pageCount) return hit;
  }
}

describe("moderateComments", () => {
  it("approves, invalidates the article's comment tags and audits with the IP", async () => {
    const editor = await createActor("EDITOR");
    const c = await pendingComment();
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

  it("rejecting a pending comment leaves public caches alone; deleting an approved one invalidates", async () => {
    const admin = await createActor("ADMIN");
    const p = await pendingComment();
    await moderateComments(admin, { ids: [p.id], decision: "reject" });
    expect(invalidated).toEqual([]);
    const a = await pendingComment();
    await moderateComments(admin, { ids: [a.id], decision: "approve" });
    invalidated.length = 0;
    await moderateComments(admin, { ids: [a.id], decision: "delete" });
    expect(invalidated).toContain(tags.comments(a.articleId));
    expect((await db.comment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("DELETED");
  });

  it("handles a bulk selection and reports comments someone else already handled", async () => {
    const editor = await createActor("EDITOR");
    const [x, y] = [await pendingComment(), await pendingComment()];
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
    const c = await pendingComment();
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
