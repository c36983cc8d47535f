import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle } from "@/lib/services/articles/access";
import { createActor } from "@/lib/services/articles/test-helpers";
import { createCategory } from "@/lib/test/factories";
import { assignTranslationTask, claimTranslationTask } from "./assign-task";
import { createTranslationTask } from "./create-task";
import { listTranslationTasks } from "./list-tasks";

const SOURCE = "https://news.example.com/2026/12/ransomware-advisory";

async function setup() {
  const editor = await createActor("EDITOR");
  const translator = await createActor("TRANSLATOR");
  const other = await createActor("TRANSLATOR");
  const category = await createCategory();
  return { editor, translator, other, category };
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    if (e instanceof Error && e.name === "ZodError") return "ZOD";
    throw e;
  }
  return "OK";
};

describe("translation tasks", () => {
  it("an editor assigns a source URL to a translator, who sees it in 我的翻译 and may edit it", async () => {
    const { editor, translator, other, category } = await setup();
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const { id } = await createTranslationTask(editor, {
      sourceUrl: SOURCE,
      categoryId: category.id,
      translatorId: translator.id,
      dueAt: due,
    });
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "DRAFT",
      sourceUrl: SOURCE,
      translatorId: translator.id,
      authorId: translator.id,
      assignedById: editor.id,
      title: "【待翻译】news.example.com",
    });
    expect(row.translationDueAt?.toISOString()).toBe(due);

    const mine = await listTranslationTasks(translator, { scope: "mine" });
    expect(mine.items.map((i) => i.id)).toEqual([id]);
    expect(mine.items[0]).toMatchObject({ translatorName: expect.any(String), progress: null });
    expect((await listTranslationTasks(other, { scope: "mine" })).items).toEqual([]);
    // the translator can open it; another translator cannot learn it exists
    await expect(loadVisibleArticle(translator, id)).resolves.toMatchObject({ id });
    expect(await codeOf(loadVisibleArticle(other, id))).toBe("NOT_FOUND");
    // editors see who translates what
    const all = await listTranslationTasks(editor, { scope: "all" });
    expect(all.items.find((i) => i.id === id)).toMatchObject({ translatorId: translator.id });
    const audit = await db.auditLog.findMany({ where: { targetId: id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toContain("translation.create");
  });

  it("progress counts translated text segments, never code, tables or images", async () => {
    const { editor, translator, category } = await setup();
    const { id } = await createTranslationTask(editor, {
      sourceUrl: SOURCE,
      categoryId: category.id,
      translatorId: translator.id,
    });
    const kinds = ["HEADING", "PARAGRAPH", "CODE", "PARAGRAPH", "IMAGE"] as const;
    await db.translationSegment.createMany({
      data: kinds.map((kind, position) => ({
        articleId: id,
        position,
        kind,
        sourceText: `s${position}`,
        status: position < 2 ? ("TRANSLATED" as const) : ("UNTRANSLATED" as const),
      })),
    });
    const mine = await listTranslationTasks(translator, { scope: "mine" });
    expect(mine.items[0]!.progress).toEqual({ done: 2, total: 3 });
  });

  it("an unassigned task waits in 待认领; two translators claim at once and exactly one wins", async () => {
    const { editor, translator, other, category } = await setup();
    const { id } = await createTranslationTask(editor, { sourceUrl: SOURCE, categoryId: category.id });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).translatorId).toBeNull();
    expect((await listTranslationTasks(translator, { scope: "open" })).items.map((i) => i.id)).toContain(id);

    const results = await Promise.all([
      codeOf(claimTranslationTask(translator, { articleId: id })),
      codeOf(claimTranslationTask(other, { articleId: id })),
    ]);
    expect([...results].sort()).toEqual(["CONFLICT", "OK"]);
    const winner = results[0] === "OK" ? translator : other;
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.translatorId).toBe(winner.id);
    expect(row.authorId).toBe(winner.id);
    expect((await listTranslationTasks(translator, { scope: "open" })).items.map((i) => i.id)).not.toContain(
      id,
    );
  });

  it("an editor re-assigns, or puts a task back to 待认领", async () => {
    const { editor, translator, other, category } = await setup();
    const { id } = await createTranslationTask(editor, {
      sourceUrl: SOURCE,
      categoryId: category.id,
      translatorId: translator.id,
    });
    await assignTranslationTask(editor, { articleId: id, translatorId: other.id });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({
      translatorId: other.id,
      authorId: other.id,
    });
    await assignTranslationTask(editor, { articleId: id, translatorId: "" });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({
      translatorId: null,
      authorId: editor.id,
    });
  });

  it("refuses what it must, with nothing written", async () => {
    const { editor, translator, category } = await setup();
    const reader = await createActor("READER");
    const before = await db.article.count();
    // translators may not create or assign tasks; readers may not claim
    expect(
      await codeOf(createTranslationTask(translator, { sourceUrl: SOURCE, categoryId: category.id })),
    ).toBe("FORBIDDEN");
    expect(await codeOf(claimTranslationTask(reader, { articleId: "x" }))).toBe("FORBIDDEN");
    // bad input: a javascript: URL, an unknown category, an unknown or non-translating assignee, a past due time
    expect(
      await codeOf(
        createTranslationTask(editor, { sourceUrl: "javascript:alert(1)", categoryId: category.id }),
      ),
    ).toBe("ZOD");
    expect(await codeOf(createTranslationTask(editor, { sourceUrl: SOURCE, categoryId: 999_999 }))).toBe(
      "INVALID",
    );
    expect(
      await codeOf(
        createTranslationTask(editor, { sourceUrl: SOURCE, categoryId: category.id, translatorId: "nobody" }),
      ),
    ).toBe("INVALID");
    expect(
      await codeOf(
        createTranslationTask(editor, {
          sourceUrl: SOURCE,
          categoryId: category.id,
          translatorId: reader.id,
        }),
      ),
    ).toBe("INVALID");
    expect(
      await codeOf(
        createTranslationTask(editor, {
          sourceUrl: SOURCE,
          categoryId: category.id,
          dueAt: "2001-01-01T00:00:00Z",
        }),
      ),
    ).toBe("ZOD");
    expect(await db.article.count()).toBe(before);
    // an ordinary article is not a task: it cannot be claimed or assigned
    const original = await db.article.create({
      data: {
        publicId: `t${Date.now().toString(36)}`.slice(0, 12),
        title: "原创",
        bodyJson: {},
        authorId: editor.id,
        categoryId: category.id,
      },
    });
    expect(await codeOf(claimTranslationTask(translator, { articleId: original.id }))).toBe("CONFLICT");
    expect(
      await codeOf(assignTranslationTask(editor, { articleId: original.id, translatorId: translator.id })),
    ).toBe("INVALID");
  });
});
