import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createCategory } from "@/lib/test/factories";
import { ZodError } from "zod";
import { createArticle } from "./create-article";
import { getArticleForEdit } from "./get-article-for-edit";
import { createActor, doc } from "./test-helpers";

describe("createArticle", () => {
  it("creates a DRAFT owned by the actor with revision 1, an audit row and a search vector", async () => {
    const translator = await createActor("TRANSLATOR");
    const category = await createCategory();
    const created = await createArticle(translator, {
      title: "勒索软件团伙利用 VPN 漏洞",
      categoryId: category.id,
      body: doc("正文第一段"),
      sourceUrl: "https://example.com/ransomware",
      sourceTitle: "Ransomware gang exploits VPN flaw",
      sourceText: "Paragraph one.\n\nParagraph two.",
    });
    const row = await db.article.findUniqueOrThrow({
      where: { id: created.id },
      include: { revisions: true },
    });
    expect(row).toMatchObject({
      status: "DRAFT",
      authorId: translator.id,
      translatorId: translator.id,
      version: 1,
      sourceLanguage: "en",
    });
    expect(row.bodyHtml).toBe("<p>正文第一段</p>");
    expect(row.revisions.map((r) => r.version)).toEqual([1]);
    const audit = await db.auditLog.findMany({ where: { targetId: created.id } });
    expect(audit.map((a) => a.action)).toEqual(["article.create"]);
    const [row2] = await db.$queryRaw<
      { ok: boolean }[]
    >`SELECT "searchVector" IS NOT NULL AS ok FROM articles WHERE id = ${created.id}`;
    expect(row2?.ok).toBe(true);
  });

  it("refuses fields a client must not set (authorId, status, viewCount) and creates nothing", async () => {
    const contributor = await createActor("CONTRIBUTOR");
    const other = await createActor("EDITOR");
    const category = await createCategory();
    const title = `越权字段 ${Date.now()}`;
    for (const extra of [
      { authorId: other.id },
      { status: "PUBLISHED" },
      { viewCount: 99999 },
      { isFeatured: true },
      { publishedAt: new Date().toISOString() },
    ]) {
      await expect(
        createArticle(contributor, { title, categoryId: category.id, ...extra }),
      ).rejects.toBeInstanceOf(ZodError);
    }
    expect(await db.article.count({ where: { title } })).toBe(0);
  });

  it("refuses readers, unknown categories and non-http source links", async () => {
    const reader = await createActor("READER");
    const translator = await createActor("TRANSLATOR");
    const category = await createCategory();
    await expect(createArticle(reader, { title: "x", categoryId: category.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createArticle(translator, { title: "x", categoryId: 987654 })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(
      createArticle(translator, { title: "x", categoryId: category.id, sourceUrl: "javascript:alert(1)" }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      createArticle(translator, {
        title: "x",
        categoryId: category.id,
        coverUrl: "data:image/png;base64,AAAA",
      }),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it("only lets tag managers create new tags", async () => {
    const translator = await createActor("TRANSLATOR");
    const editor = await createActor("EDITOR");
    const category = await createCategory();
    const name = `新标签${Date.now()}`;
    const err = await createArticle(translator, { title: "x", categoryId: category.id, tags: [name] }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err.fieldErrors.tags[0]).toContain(name);
    const created = await createArticle(editor, {
      title: "x",
      categoryId: category.id,
      tags: [name, name.toUpperCase()],
    });
    expect((await getArticleForEdit(editor, created.id)).tags).toEqual([name]);
  });
});
