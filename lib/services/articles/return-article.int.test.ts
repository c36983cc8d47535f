import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { listMyNotifications } from "@/lib/services/notifications/list-my-notifications";
import { createCategory } from "@/lib/test/factories";
import { createArticle } from "./create-article";
import { listHistory } from "./history/list-history";
import { returnArticle } from "./return-article";
import { submitForReview } from "./submit-for-review";
import { createActor, doc } from "./test-helpers";

async function inReview(note?: string) {
  const translator = await createActor("TRANSLATOR");
  const category = await createCategory();
  const a = await createArticle(translator, {
    title: "译文草稿",
    categoryId: category.id,
    body: doc("译文正文"),
    sourceUrl: "https://example.com/a",
  });
  const r = await submitForReview(translator, { id: a.id, version: 1, note });
  return { translator, id: a.id, version: r.version };
}

describe("submit with a note, send back with a reason", () => {
  it("records the submit note and the reviewer's reason in the history, oldest first, and tells the translator", async () => {
    const { translator, id, version } = await inReview("请重点看第二段的术语。");
    const editor = await createActor("EDITOR");
    const r = await returnArticle(editor, { id, version, note: "第二段的 CVE 编号有误，请核对。" });
    expect(r.status).toBe("DRAFT");
    const history = await listHistory(translator, id);
    expect(history.map((h) => [h.from, h.to, h.note, h.actorName])).toEqual([
      ["DRAFT", "IN_REVIEW", "请重点看第二段的术语。", translator.displayName],
      ["IN_REVIEW", "DRAFT", "第二段的 CVE 编号有误，请核对。", editor.displayName],
    ]);
    const mine = await listMyNotifications(translator);
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({
      kind: "article.returned",
      body: "第二段的 CVE 编号有误，请核对。",
      url: `/editor/articles/${id}`,
      isRead: false,
    });
    // the editor who acted gets nothing
    expect((await listMyNotifications(editor)).items).toEqual([]);
    expect(await db.auditLog.count({ where: { targetId: id, action: "article.return" } })).toBe(1);
  });

  it("refuses a send-back without a reason, by a translator, of a draft, and a decline of a non-contribution", async () => {
    const { translator, id, version } = await inReview();
    const editor = await createActor("EDITOR");
    await expect(returnArticle(editor, { id, version, note: "   " })).rejects.toBeInstanceOf(ZodError);
    await expect(returnArticle(editor, { id, version })).rejects.toBeInstanceOf(ZodError);
    await expect(returnArticle(translator, { id, version, note: "自己退回" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(returnArticle(editor, { id, version, note: "不要了", decline: true })).rejects.toMatchObject(
      {
        code: "INVALID",
      },
    );
    await expect(returnArticle(editor, { id, version: version - 1, note: "旧版本" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await returnArticle(editor, { id, version, note: "请修改" });
    await expect(returnArticle(editor, { id, note: "再退一次" })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.articleTransition.count({ where: { articleId: id } })).toBe(2);
  });

  it("a submit note longer than 1000 characters is refused", async () => {
    const translator = await createActor("TRANSLATOR");
    const a = await createArticle(translator, {
      title: "标题",
      categoryId: (await createCategory()).id,
      body: doc("正文"),
    });
    await expect(submitForReview(translator, { id: a.id, note: "长".repeat(1001) })).rejects.toBeInstanceOf(
      ZodError,
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("DRAFT");
  });

  it("the history is visible exactly where the edit page is: another translator gets NOT_FOUND", async () => {
    const { id } = await inReview();
    const other = await createActor("TRANSLATOR");
    await expect(listHistory(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listHistory(await createActor("READER"), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listHistory(await createActor("EDITOR"), id)).length).toBe(1);
  });
});
