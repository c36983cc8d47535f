import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCategory } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { getPublicArticle } from "@/lib/services/public/get-public-article";
import { createArticle } from "../create-article";
import { publishArticle } from "../publish-article";
import { restoreRevision } from "../restore-revision";
import { resolveConflict } from "../revisions/resolve-conflict";
import { createActor, doc } from "../test-helpers";
import { updateArticle } from "../update-article";
import { applyPendingEdit } from "./apply-pending-edit";
import { discardPendingEdit } from "./discard-pending-edit";
import { getArticleWithPending } from "./get-pending-edit";

/** A live article: written by a translator, published by an editor. */
async function live() {
  const author = await createActor("TRANSLATOR");
  const editor = await createActor("EDITOR");
  const category = await createCategory();
  const a = await createArticle(author, {
    title: "已发布的标题",
    categoryId: category.id,
    body: doc("读者看到的正文"),
  });
  const p = await publishArticle(editor, { id: a.id, version: 1 });
  const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
  return { author, editor, id: a.id, publicId: row.publicId, version: p.version, row };
}

const publicText = async (publicId: string) => {
  const p = await getPublicArticle(publicId);
  return (
    p && { title: p.title, bodyHtml: p.bodyHtml, coverAlt: p.coverAlt, updatedAt: p.updatedAt, tags: p.tags }
  );
};

describe("edits to a live article are pending until 更新", () => {
  it("a save and an autosave change nothing readers see, and are what the editor loads", async () => {
    const { editor, id, publicId, version, row } = await live();
    const seen = await publicText(publicId);
    invalidated.length = 0;
    const s1 = await updateArticle(editor, {
      id,
      version,
      title: "修改后的标题",
      body: doc("尚未审定的新正文"),
      coverAlt: "新的替代文字",
      tags: ["待定标签"],
    });
    const s2 = await updateArticle(editor, { id, version: s1.version, kind: "AUTOSAVE", lede: "新的导语" });
    expect([s1.pending, s2.pending]).toEqual([true, true]);
    expect(await publicText(publicId)).toEqual(seen);
    const after = await db.article.findUniqueOrThrow({ where: { id } });
    expect({ ...after, version: 0 }).toEqual({ ...row, version: 0 });
    expect(after.version).toBe(version + 2);
    expect(invalidated).toEqual([]);
    expect(await db.articleTag.count({ where: { articleId: id } })).toBe(0);
    // the search index still finds the live text, not the pending one
    const hits = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM articles
      WHERE id = ${id} AND "searchVector" @@ to_tsquery('simple', '审定')`;
    expect(hits[0]!.n).toBe(0);

    const forEdit = await getArticleWithPending(editor, id);
    expect(forEdit).toMatchObject({
      version: version + 2,
      title: "修改后的标题",
      lede: "新的导语",
      coverAlt: "新的替代文字",
      tags: ["待定标签"],
      pendingEdit: { editorName: editor.displayName },
    });
    expect(JSON.stringify(forEdit.body)).toContain("尚未审定的新正文");
  });

  it("更新 applies the pending edit in one step: public page, tags, revision, cache; the pending row is gone", async () => {
    const { editor, id, publicId, version } = await live();
    const s = await updateArticle(editor, {
      id,
      version,
      title: "修改后的标题",
      body: doc("审定后的正文"),
      tags: ["新标签"],
    });
    invalidated.length = 0;
    const applied = await applyPendingEdit(editor, { id, version: s.version });
    expect(applied).toMatchObject({ version: s.version + 1, pending: false });
    const seen = await publicText(publicId);
    expect(seen).toMatchObject({
      title: "修改后的标题",
      bodyHtml: "<p>审定后的正文</p>",
      tags: [expect.objectContaining({ name: "新标签" })],
    });
    expect(invalidated.length).toBeGreaterThan(0);
    expect(await db.articlePendingEdit.count({ where: { articleId: id } })).toBe(0);
    const rev = await db.articleRevision.findFirstOrThrow({
      where: { articleId: id },
      orderBy: { version: "desc" },
    });
    expect(rev).toMatchObject({ kind: "PENDING_APPLIED", status: "PUBLISHED", title: "修改后的标题" });
    expect(await db.auditLog.count({ where: { targetId: id, action: "article.applyPendingEdit" } })).toBe(1);
    expect((await getArticleWithPending(editor, id)).pendingEdit).toBeNull();
    // nothing left to apply
    await expect(applyPendingEdit(editor, { id, version: applied.version })).rejects.toMatchObject({
      code: "INVALID",
    });
  });

  it("only those allowed to publish may 更新, and only the version they saw", async () => {
    const { author, editor, id, version } = await live();
    const s = await updateArticle(editor, { id, version, title: "待审的修改" });
    await expect(applyPendingEdit(author, { id, version: s.version })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(applyPendingEdit(editor, { id, version })).rejects.toMatchObject({ code: "CONFLICT" });
    // the author may not edit the live article at all (article.editOwn is for drafts)
    await expect(
      updateArticle(author, { id, version: s.version, title: "作者偷偷改" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).title).toBe("已发布的标题");
  });

  it("放弃修改 drops the pending edit, keeps its text in the history and leaves readers' page alone", async () => {
    const { editor, id, publicId, version } = await live();
    const seen = await publicText(publicId);
    const s = await updateArticle(editor, { id, version, kind: "AUTOSAVE", body: doc("第一次自动保存") });
    const s2 = await updateArticle(editor, {
      id,
      version: s.version,
      kind: "AUTOSAVE",
      body: doc("要放弃的文字"),
    });
    expect(s2.revision).toBe(false);
    const d = await discardPendingEdit(editor, { id, version: s2.version });
    expect(d.version).toBe(s2.version + 1);
    expect(await publicText(publicId)).toEqual(seen);
    expect(await db.articlePendingEdit.count({ where: { articleId: id } })).toBe(0);
    const revs = await db.articleRevision.findMany({ where: { articleId: id }, orderBy: { version: "asc" } });
    expect(JSON.stringify(revs.map((r) => r.bodyJson))).toContain("要放弃的文字");
    expect(revs.at(-1)).toMatchObject({ kind: "RESTORE", title: "已发布的标题" });
    const forEdit = await getArticleWithPending(editor, id);
    expect(forEdit.pendingEdit).toBeNull();
    expect(JSON.stringify(forEdit.body)).toContain("读者看到的正文");
  });

  it("a restore and a conflict resolution on a live article go to the pending edit too", async () => {
    const { editor, id, publicId, version } = await live();
    const seen = await publicText(publicId);
    const first = await db.articleRevision.findFirstOrThrow({ where: { articleId: id, version: 1 } });
    const r = await restoreRevision(editor, { articleId: id, revisionId: first.id, version });
    expect(r.pending).toBe(true);
    const other = await createActor("EDITOR");
    await updateArticle(other, { id, version: r.version, title: "另一位编辑的修改" });
    const m = await resolveConflict(editor, {
      id,
      version: r.version + 1,
      choice: "MINE",
      title: "我的修改",
    });
    expect(m.pending).toBe(true);
    expect(await publicText(publicId)).toEqual(seen);
    expect((await getArticleWithPending(editor, id)).title).toBe("我的修改");
  });
});

describe("a save based on the version before publishing", () => {
  it("arrives after publishing: CONFLICT, the live article unchanged", async () => {
    const author = await createActor("TRANSLATOR");
    const editor = await createActor("EDITOR");
    const category = await createCategory();
    const a = await createArticle(author, {
      title: "发布前",
      categoryId: category.id,
      body: doc("审过的正文"),
    });
    // the author's second tab is on version 1; the editor publishes version 1
    await publishArticle(editor, { id: a.id, version: 1 });
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    const seen = await publicText(row.publicId);
    // the author's tab autosaves: the article is no longer theirs to edit
    await expect(
      updateArticle(author, { id: a.id, version: 1, kind: "AUTOSAVE", body: doc("没审过") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // an editor's stale tab (autosave or 保存) is refused as stale: it never becomes even a pending edit
    for (const kind of ["AUTOSAVE", "MANUAL"] as const)
      await expect(
        updateArticle(editor, { id: a.id, version: 1, kind, title: "未经审核的修改", body: doc("没审过") }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.article.findUniqueOrThrow({ where: { id: a.id } })).toEqual(row);
    expect(await publicText(row.publicId)).toEqual(seen);
    expect(await db.articlePendingEdit.count({ where: { articleId: a.id } })).toBe(0);
  });
});

describe("a pending edit left when an article is taken off the site", () => {
  it("is folded into the row by the next save, so nothing in it is lost", async () => {
    const { editor, id, version } = await live();
    const s = await updateArticle(editor, { id, version, title: "待发布的标题", coverAlt: "新替代文字" });
    const { unpublishArticle } = await import("../unpublish-article");
    const u = await unpublishArticle(editor, { id, to: "DRAFT" });
    expect((await getArticleWithPending(editor, id)).title).toBe("待发布的标题");
    await updateArticle(editor, { id, version: u.version, lede: "新导语" });
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      title: "待发布的标题",
      coverAlt: "新替代文字",
      lede: "新导语",
      status: "DRAFT",
    });
    expect(await db.articlePendingEdit.count({ where: { articleId: id } })).toBe(0);
    expect(s.version).toBeLessThan(u.version);
  });
});
