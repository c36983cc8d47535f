import { describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { renderRss } from "@/lib/feed/rss";
import { createCategory } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { createArticle } from "../articles/create-article";
import { applyPendingEdit } from "../articles/pending/apply-pending-edit";
import { publishArticle } from "../articles/publish-article";
import { createActor, doc } from "../articles/test-helpers";
import { updateArticle } from "../articles/update-article";
import { getPublicArticle } from "../public/get-public-article";
import { listCorrections } from "../public/list-corrections";
import { listFeedItems } from "../public/list-feed-items";
import { fileCorrection } from "./file-correction";

/** A live article written by a translator and published by an editor, with a pending edit. */
async function liveWithPendingEdit() {
  const translator = await createActor("TRANSLATOR");
  const editor = await createActor("EDITOR");
  const category = await createCategory();
  const a = await createArticle(translator, {
    title: "某路由器固件漏洞分析",
    categoryId: category.id,
    body: doc("受影响版本为 2.4。"),
  });
  const p = await publishArticle(editor, { id: a.id, version: 1 });
  const s = await updateArticle(editor, { id: a.id, version: p.version, body: doc("受影响版本为 2.3。") });
  const row = await db.article.findUniqueOrThrow({ where: { id: a.id }, select: { publicId: true } });
  return { translator, editor, id: a.id, publicId: row.publicId, version: s.version, category };
}

const rowsOf = (articleId: string) =>
  db.articleCorrection.findMany({ where: { articleId }, orderBy: { createdAt: "desc" } });

describe("the correction log", () => {
  it("更新 with a note: the text and a dated entry go live together, shown on the page, in the feed and on /corrections", async () => {
    const { editor, id, publicId, version, category } = await liveWithPendingEdit();
    invalidated.length = 0;
    const at = new Date();
    await applyPendingEdit(editor, {
      id,
      version,
      correction: { kind: "CORRECTION", note: "  原文误将受影响版本写作 2.4，已更正为 2.3。 " },
    });
    const rows = await rowsOf(id);
    expect(rows).toMatchObject([
      { kind: "CORRECTION", note: "原文误将受影响版本写作 2.4，已更正为 2.3。", editorId: editor.id },
    ]);
    expect(rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime() - 1000);
    // dateModified follows the entry
    const art = await db.article.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    expect(art.updatedAt.getTime()).toBe(rows[0]!.createdAt.getTime());
    expect(invalidated).toEqual(expect.arrayContaining([tags.article(id), tags.articles()]));

    const page = await getPublicArticle(publicId);
    expect(page?.bodyHtml).toContain("2.3");
    expect(page?.corrections).toEqual([
      { id: rows[0]!.id, kind: "CORRECTION", note: rows[0]!.note, createdAt: rows[0]!.createdAt },
    ]);
    const feed = await listFeedItems({ categoryId: category.id });
    expect(feed[0]?.corrections).toEqual([
      { kind: "CORRECTION", note: rows[0]!.note, createdAt: rows[0]!.createdAt },
    ]);
    expect(renderRss({ title: "t", description: "d", path: "/", feedPath: "/feed" }, feed)).toContain(
      "原文误将受影响版本写作 2.4，已更正为 2.3。",
    );
    const list = await listCorrections(1);
    expect(list.items[0]).toMatchObject({ id: rows[0]!.id, article: { publicId } });
    const audit = await db.auditLog.findFirst({ where: { action: "article.correction", targetId: id } });
    expect(audit?.actorId).toBe(editor.id);
  });

  it("更新 without a note is a minor edit: no entry", async () => {
    const a = await liveWithPendingEdit();
    await applyPendingEdit(a.editor, { id: a.id, version: a.version });
    const b = await liveWithPendingEdit();
    await applyPendingEdit(b.editor, { id: b.id, version: b.version, correction: null });
    expect(await rowsOf(a.id)).toEqual([]);
    expect(await rowsOf(b.id)).toEqual([]);
    expect(await db.articlePendingEdit.count({ where: { articleId: { in: [a.id, b.id] } } })).toBe(0);
  });

  it("a refused 更新 (stale version) files no entry and changes nothing", async () => {
    const { editor, id, version } = await liveWithPendingEdit();
    await expect(
      applyPendingEdit(editor, { id, version: version - 1, correction: { kind: "UPDATE", note: "补充" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await rowsOf(id)).toEqual([]);
    expect(await db.articlePendingEdit.count({ where: { articleId: id } })).toBe(1);
  });

  it("a note filed on its own needs a live article and the right to publish", async () => {
    const { translator, editor, id, publicId } = await liveWithPendingEdit();
    await expect(
      fileCorrection(translator, { id, kind: "UPDATE", note: "补充厂商回应" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const row = await fileCorrection(editor, { id, kind: "SOURCE_UPDATE", note: "原文补充了厂商回应" });
    expect((await getPublicArticle(publicId))?.corrections.map((c) => c.id)).toEqual([row.id]);

    const draft = await createArticle(translator, {
      title: "草稿",
      categoryId: (await createCategory()).id,
      body: doc("草稿正文"),
    });
    await expect(fileCorrection(editor, { id: draft.id, kind: "UPDATE", note: "x" })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await rowsOf(draft.id)).toEqual([]);
  });

  it("refuses hostile notes and unknown fields with a 4xx-class error, writing nothing", async () => {
    const { editor, id, version } = await liveWithPendingEdit();
    const bad: unknown[] = [
      { id, kind: "CORRECTION", note: "" },
      { id, kind: "CORRECTION", note: "   " },
      { id, kind: "CORRECTION", note: "空字符\u0000" },
      { id, kind: "CORRECTION", note: "长".repeat(501) },
      { id, kind: "CORRECTION", note: { $gt: "" } },
      { id, kind: "RETRACTION", note: "撤稿" },
      { id, kind: "CORRECTION", note: "x", createdAt: "2001-01-01T00:00:00Z" },
    ];
    for (const input of bad)
      await expect(fileCorrection(editor, input)).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      applyPendingEdit(editor, { id, version, correction: { kind: "CORRECTION", note: "x", editorId: "y" } }),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect(await rowsOf(id)).toEqual([]);
    // markup in a note is stored as text and shown as text
    await fileCorrection(editor, { id, kind: "CORRECTION", note: "<script>alert(1)</script>" });
    expect((await rowsOf(id))[0]?.note).toBe("<script>alert(1)</script>");
  });
});
