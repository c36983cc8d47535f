import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createArticle } from "@/lib/services/articles/create-article";
import { publishArticle } from "@/lib/services/articles/publish-article";
import { submitForReview } from "@/lib/services/articles/submit-for-review";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { createCategory } from "@/lib/test/factories";

const CVE_SOURCE = "Attackers exploit CVE-2026-50123, rated 9.8, in Tidewater gateways.";
const CVE_TYPO = "攻击者正在利用 Tidewater 网关中评分为 9.8 的 CVE-2026-51023 漏洞。";
const CVE_RIGHT = "攻击者正在利用 Tidewater 网关中评分为 9.8 的 CVE-2026-50123 漏洞。";

/** A translation draft with two text segments, the first one carrying a CVE ID. */
async function translation(target0: string, target1: string, status1: "TRANSLATED" | "UNTRANSLATED") {
  const translator = await createActor("TRANSLATOR");
  const category = await createCategory();
  const a = await createArticle(translator, {
    title: "Tidewater 网关漏洞遭利用",
    categoryId: category.id,
    body: doc(target0),
    sourceUrl: "https://wire.example.com/tidewater",
  });
  await db.translationSegment.createMany({
    data: [
      {
        articleId: a.id,
        position: 0,
        kind: "PARAGRAPH",
        sourceText: CVE_SOURCE,
        targetText: target0,
        status: "TRANSLATED",
      },
      {
        articleId: a.id,
        position: 1,
        kind: "PARAGRAPH",
        sourceText: "The vendor released patches on Friday.",
        targetText: target1,
        status: status1,
      },
      {
        articleId: a.id,
        position: 2,
        kind: "CODE",
        sourceText: "grep POST access.log",
        status: "UNTRANSLATED",
      },
    ],
  });
  return { translator, id: a.id };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
};

describe("the translation QA gate", () => {
  it("a mistyped CVE ID stops 提交审核, named by segment, and nothing changes", async () => {
    const { translator, id } = await translation(CVE_TYPO, "厂商已于周五发布补丁。", "TRANSLATED");
    const e = await refusal(submitForReview(translator, { id, version: 1 }));
    expect(e.code).toBe("INVALID");
    expect(e.message).toContain("第 1 段");
    expect(e.message).toContain("CVE-2026-50123");
    expect(e.message).toContain("提交审核");
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "DRAFT", version: 1 });
  });

  it("once fixed it is submitted; an untranslated paragraph is a warning there and an error at publish", async () => {
    const { translator, id } = await translation(CVE_RIGHT, "", "UNTRANSLATED");
    const submitted = await submitForReview(translator, { id, version: 1 });
    expect(submitted.status).toBe("IN_REVIEW");
    expect(submitted.qaWarnings).toBeGreaterThanOrEqual(1);

    const editor = await createActor("EDITOR");
    const e = await refusal(publishArticle(editor, { id }));
    expect(e.code).toBe("INVALID");
    expect(e.message).toContain("第 2 段");
    expect(e.message).toContain("发布");
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");
    expect(await db.translationMemory.count({ where: { articleId: id } })).toBe(0);

    // translated: it publishes, and its translated text segments (not the code) enter the memory
    await db.translationSegment.updateMany({
      where: { articleId: id, position: 1 },
      data: { targetText: "厂商已于周五发布补丁。", status: "TRANSLATED" },
    });
    expect((await publishArticle(editor, { id })).status).toBe("PUBLISHED");
    const memory = await db.translationMemory.findMany({
      where: { articleId: id },
      orderBy: { sourceText: "asc" },
    });
    expect(memory.map((m) => [m.sourceText, m.targetText])).toEqual([
      [CVE_SOURCE, CVE_RIGHT],
      ["The vendor released patches on Friday.", "厂商已于周五发布补丁。"],
    ]);
  });

  it("leaves originals alone: no segments, no findings", async () => {
    const author = await createActor("CONTRIBUTOR");
    const category = await createCategory();
    const a = await createArticle(author, {
      title: "原创",
      categoryId: category.id,
      body: doc("正文 CVE-2026-1"),
    });
    const r = await submitForReview(author, { id: a.id, version: 1 });
    expect(r).toMatchObject({ status: "IN_REVIEW", qaWarnings: 0 });
  });
});
