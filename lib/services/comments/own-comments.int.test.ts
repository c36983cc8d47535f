import { afterEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { listArticleComments } from "@/lib/services/public/list-article-comments";
import { createArticle } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import {
  clearCommentLimits,
  newKey,
  reader,
  resetCommentSettings,
  setCommentSettings,
} from "./comment-test-kit";
import { createComment } from "./create-comment";
import { deleteOwnComment } from "./delete-own-comment";
import { editOwnComment } from "./edit-own-comment";

afterEach(resetCommentSettings);

const MIN = 60_000;
const countOf = async (articleId: string) =>
  (await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount;
const rowOf = (id: string) => db.comment.findUniqueOrThrow({ where: { id } });
const age = (id: string, ms: number) =>
  db.comment.update({ where: { id }, data: { createdAt: new Date(Date.now() - ms) } });

async function approvedComment(body = "原来的评论") {
  await setCommentSettings({ mode: "trusted", blockedWords: [{ word: "博彩", action: "reject" }] });
  const me = await reader();
  const a = await createArticle();
  const c = await createComment(me, { publicId: a.publicId, body, idempotencyKey: newKey() });
  expect(c.status).toBe("APPROVED");
  return { me, a, c };
}

describe("editOwnComment", () => {
  it("changes the text within 10 minutes, marks it edited and refreshes the page", async () => {
    const { me, a, c } = await approvedComment();
    invalidated.length = 0;
    await age(c.id, 9 * MIN);
    const r = await editOwnComment(me, { id: c.id, body: "  改过的评论 " });
    expect(r).toEqual({ id: c.id, status: "APPROVED", heldBy: null });
    expect(await rowOf(c.id)).toMatchObject({
      body: "改过的评论",
      status: "APPROVED",
      editedAt: expect.any(Date),
    });
    expect(await countOf(a.id)).toBe(1);
    expect(invalidated).toContain(tags.comments(a.id));
  });

  it("sends an approved comment through the rules again: a link holds it, a blocked word rejects it", async () => {
    const { me, a, c } = await approvedComment();
    expect(await editOwnComment(me, { id: c.id, body: "看这里 example.com" })).toMatchObject({
      status: "PENDING",
      heldBy: "link",
    });
    expect(await countOf(a.id)).toBe(0);
    const { threads } = await listArticleComments(a.id, "newest");
    expect(threads.map((t) => t.id)).not.toContain(c.id);
    // pending again and fixed: the rules publish it again (the reader is trusted)
    expect(await editOwnComment(me, { id: c.id, body: "不放链接了" })).toMatchObject({ status: "APPROVED" });
    expect(await countOf(a.id)).toBe(1);
    expect(await editOwnComment(me, { id: c.id, body: "线上博彩" })).toMatchObject({ status: "REJECTED" });
    expect(await countOf(a.id)).toBe(0);
    // rejected is final for the author
    await expect(editOwnComment(me, { id: c.id, body: "收回" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses after 10 minutes, on someone else's comment, and on a closed article", async () => {
    const { me, a, c } = await approvedComment();
    const other = await reader();
    await expect(editOwnComment(other, { id: c.id, body: "我来改" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await db.article.update({ where: { id: a.id }, data: { commentsClosed: true } });
    await expect(editOwnComment(me, { id: c.id, body: "关了还改" })).rejects.toMatchObject({
      message: "本文已关闭评论。",
    });
    await db.article.update({ where: { id: a.id }, data: { commentsClosed: false } });
    await age(c.id, 10 * MIN + 5_000);
    await expect(editOwnComment(me, { id: c.id, body: "太晚了" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "评论发表超过 10 分钟，已不能编辑。",
    });
    expect((await rowOf(c.id)).body).toBe("原来的评论");
    await expect(editOwnComment(null, { id: c.id, body: "匿名" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});

describe("deleteOwnComment", () => {
  it("keeps the row without its text, uncounts it, and keeps the replies under it", async () => {
    const { me, a, c } = await approvedComment();
    const replier = await reader();
    await clearCommentLimits(replier.id);
    const reply = await createComment(replier, {
      publicId: a.publicId,
      body: "回复一下",
      parentId: c.id,
      idempotencyKey: newKey(),
    });
    expect(await countOf(a.id)).toBe(2);
    invalidated.length = 0;
    await deleteOwnComment(me, { id: c.id });
    expect(await rowOf(c.id)).toMatchObject({ status: "DELETED", body: "" });
    expect(await countOf(a.id)).toBe(1);
    expect(invalidated).toContain(tags.comments(a.id));
    const { threads } = await listArticleComments(a.id, "newest");
    expect(threads).toEqual([
      expect.objectContaining({
        id: c.id,
        deleted: true,
        body: "",
        replies: [expect.objectContaining({ id: reply.id })],
      }),
    ]);
    // twice: it is gone
    await expect(deleteOwnComment(me, { id: c.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes a pending comment without touching the count, and refuses after 10 minutes", async () => {
    const me = await reader();
    const a = await createArticle();
    const c = await createComment(me, { publicId: a.publicId, body: "待审的", idempotencyKey: newKey() });
    await deleteOwnComment(me, { id: c.id });
    expect(await countOf(a.id)).toBe(0);
    await clearCommentLimits(me.id);
    const late = await createComment(me, { publicId: a.publicId, body: "晚了", idempotencyKey: newKey() });
    await age(late.id, 11 * MIN);
    await expect(deleteOwnComment(me, { id: late.id })).rejects.toMatchObject({
      message: "评论发表超过 10 分钟，已不能删除。",
    });
    expect((await rowOf(late.id)).status).toBe("PENDING");
  });
});
