import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { createArticle as createArticleRow, createCategory } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { createArticle } from "./create-article";
import { MAX_BODY_BYTES } from "./body-schema";
import { getArticleForEdit } from "./get-article-for-edit";
import { createActor, doc } from "./test-helpers";
import { updateArticle } from "./update-article";

async function draftOf(role: "TRANSLATOR" | "CONTRIBUTOR" = "TRANSLATOR") {
  const actor = await createActor(role);
  const category = await createCategory();
  const a = await createArticle(actor, { title: "原始标题", categoryId: category.id, body: doc("初稿正文") });
  return { actor, category, article: a };
}

const searchHits = async (id: string, word: string) =>
  (
    await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM articles WHERE id = ${id} AND "searchVector" @@ to_tsquery('simple', ${word})`
  )[0]!.n;

describe("updateArticle", () => {
  it("saves, re-renders, bumps the version and writes one revision per save", async () => {
    const { actor, article } = await draftOf();
    const s1 = await updateArticle(actor, {
      id: article.id,
      version: 1,
      title: "第二版",
      body: doc("第二版正文 <b>"),
    });
    const s2 = await updateArticle(actor, { id: article.id, version: s1.version, lede: "新的导语" });
    expect([s1.version, s2.version]).toEqual([2, 3]);
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row).toMatchObject({ title: "第二版", lede: "新的导语", version: 3 });
    expect(row.bodyHtml).toBe("<p>第二版正文 &lt;b&gt;</p>");
    const revisions = await db.articleRevision.findMany({
      where: { articleId: article.id },
      orderBy: { version: "asc" },
    });
    expect(revisions.map((r) => [r.version, r.title, r.lede])).toEqual([
      [1, "原始标题", ""],
      [2, "第二版", ""],
      [3, "第二版", "新的导语"],
    ]);
  });

  it("updates the search vector in the same save", async () => {
    const { actor, article } = await draftOf();
    expect(await searchHits(article.id, "蜜罐")).toBe(0);
    await updateArticle(actor, { id: article.id, version: 1, body: doc("攻击者部署了蜜罐来诱捕研究人员") });
    expect(await searchHits(article.id, "蜜罐")).toBe(1);
    expect(await searchHits(article.id, "初稿")).toBe(0);
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const { actor, article } = await draftOf();
    await updateArticle(actor, { id: article.id, version: 1, title: "另一个窗口保存的标题" });
    const before = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    await expect(
      updateArticle(actor, { id: article.id, version: 1, title: "过期的修改", body: doc("过期") }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("内容已被他人修改"),
    });
    const after = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after).toEqual(before);
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("lets exactly one of two simultaneous saves from the same version win", async () => {
    const { actor, article } = await draftOf();
    const results = await Promise.allSettled([
      updateArticle(actor, { id: article.id, version: 1, title: "窗口甲" }),
      updateArticle(actor, { id: article.id, version: 1, title: "窗口乙" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.version).toBe(2);
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("refuses mass-assignment fields and leaves the row as it was", async () => {
    const { actor, article } = await draftOf();
    const other = await createActor("EDITOR");
    for (const extra of [
      { authorId: other.id },
      { status: "PUBLISHED" },
      { viewCount: 1_000_000 },
      { translatorId: other.id },
      { publicId: "hacked" },
      { bodyHtml: "<script>" },
    ]) {
      await expect(
        updateArticle(actor, { id: article.id, version: 1, title: "改", ...extra }),
      ).rejects.toBeInstanceOf(ZodError);
    }
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row).toMatchObject({
      authorId: actor.id,
      status: "DRAFT",
      viewCount: 0,
      version: 1,
      title: "原始标题",
    });
  });

  it("answers NOT_FOUND when a translator edits someone else's draft", async () => {
    const { article } = await draftOf();
    const intruder = await createActor("TRANSLATOR");
    await expect(
      updateArticle(intruder, { id: article.id, version: 1, title: "篡改" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getArticleForEdit(intruder, article.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe("原始标题");
  });

  it("hides even published articles from a translator's editor (NOT_FOUND, never FORBIDDEN)", async () => {
    const published = await createArticleRow({ status: "PUBLISHED" });
    const translator = await createActor("TRANSLATOR");
    await expect(getArticleForEdit(translator, published.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("validates limits and the body document", async () => {
    const { actor, article } = await draftOf();
    const base = { id: article.id, version: 1 };
    const bad = [
      { title: "长".repeat(201) },
      { lede: "长".repeat(501) },
      { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
      { tags: ["标".repeat(33)] },
      { coverUrl: `https://example.com/${"a".repeat(2048)}` },
      { sourceUrl: "ftp://example.com/x" },
      { body: { type: "doc", content: [{ type: "script", text: "alert(1)" }] } },
      { body: { type: "paragraph" } },
      { body: doc("x".repeat(MAX_BODY_BYTES)) },
    ];
    for (const fields of bad)
      await expect(updateArticle(actor, { ...base, ...fields })).rejects.toBeInstanceOf(ZodError);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(1);
  });

  it("keeps an editor's edit of a live article pending: nothing public is invalidated until 更新", async () => {
    const editor = await createActor("EDITOR");
    const live = await createArticleRow({ status: "PUBLISHED" });
    invalidated.length = 0;
    const saved = await updateArticle(editor, { id: live.id, version: 1, title: "更正后的标题" });
    expect(saved.pending).toBe(true);
    expect(invalidated).toEqual([]);
    expect((await db.article.findUniqueOrThrow({ where: { id: live.id } })).title).toBe(live.title);
    const { applyPendingEdit } = await import("./pending/apply-pending-edit");
    await applyPendingEdit(editor, { id: live.id, version: saved.version });
    expect(invalidated).toEqual(
      expect.arrayContaining(["articles", `article:${live.id}`, `author:${live.authorId}`]),
    );
  });

  it("does not let an author change a draft once it is in review", async () => {
    const { actor, article } = await draftOf("CONTRIBUTOR");
    await db.article.update({ where: { id: article.id }, data: { status: "IN_REVIEW" } });
    await expect(
      updateArticle(actor, { id: article.id, version: 1, title: "偷偷修改" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
