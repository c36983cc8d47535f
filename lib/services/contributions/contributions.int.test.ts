import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { publishArticle } from "@/lib/services/articles/publish-article";
import { createActor } from "@/lib/services/articles/test-helpers";
import { withRequestContext } from "@/lib/security/request-context";
import { createCategory } from "@/lib/test/factories";
import { listMyContributions } from "./list-my-contributions";
import { MAX_PENDING_CONTRIBUTIONS, submitContribution, textToDoc } from "./submit-contribution";

const BODY =
  "这是一篇关于内网横向移动检测的投稿。".repeat(8) + "\n\n第二段：介绍日志来源与检测规则的编写方法。";

async function valid(overrides: Record<string, unknown> = {}) {
  const category = await createCategory();
  return {
    title: "内网横向移动的检测思路",
    categoryId: String(category.id),
    lede: "从日志出发，梳理横向移动的三类检测方法。",
    body: BODY,
    ...overrides,
  };
}

describe("submitContribution", () => {
  it("puts a reader's article into review as theirs, with paragraphs, searchable and audited with the IP", async () => {
    const reader = await createActor("READER");
    const { id } = await withRequestContext(
      { action: "contribution.submit", ip: "203.0.113.9", userAgent: "test" },
      async () => submitContribution(reader, await valid()),
    );
    const row = await db.article.findUniqueOrThrow({
      where: { id },
      select: { status: true, authorId: true, bodyJson: true, bodyText: true, translatorId: true },
    });
    expect(row).toMatchObject({ status: "IN_REVIEW", authorId: reader.id, translatorId: null });
    expect((row.bodyJson as { content: unknown[] }).content).toHaveLength(2);
    expect(row.bodyText).toContain("检测规则");
    const auditRow = await db.auditLog.findFirstOrThrow({ where: { targetId: id } });
    expect(auditRow).toMatchObject({ action: "contribution.submit", actorId: reader.id, ip: "203.0.113.9" });
    expect((await listMyContributions(reader)).map((c) => c.id)).toEqual([id]);
  });

  it("refuses mass-assigned fields, short bodies and signed-out visitors, writing nothing", async () => {
    const reader = await createActor("READER");
    const before = await db.article.count();
    for (const extra of [{ status: "PUBLISHED" }, { authorId: "someone" }, { viewCount: 5 }]) {
      await expect(submitContribution(reader, await valid(extra))).rejects.toBeInstanceOf(ZodError);
    }
    await expect(submitContribution(reader, await valid({ body: "太短了" }))).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(submitContribution(null, await valid())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.article.count()).toBe(before);
  });

  it(`allows ${MAX_PENDING_CONTRIBUTIONS} pending contributions per person, then says to wait`, async () => {
    const reader = await createActor("READER");
    for (let i = 0; i < MAX_PENDING_CONTRIBUTIONS; i++) await submitContribution(reader, await valid());
    await expect(submitContribution(reader, await valid())).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("审核中"),
    });
  });

  it("publishing it makes the reader a CONTRIBUTOR (ending their session) and leaves staff roles alone", async () => {
    const reader = await createActor("READER");
    const editor = await createActor("EDITOR");
    const { id } = await submitContribution(reader, await valid());
    const before = await db.user.findUniqueOrThrow({
      where: { id: reader.id },
      select: { sessionVersion: true },
    });
    await publishArticle(editor, { id });
    const after = await db.user.findUniqueOrThrow({
      where: { id: reader.id },
      select: { role: true, sessionVersion: true },
    });
    expect(after).toEqual({ role: "CONTRIBUTOR", sessionVersion: before.sessionVersion + 1 });
    expect(
      await db.auditLog.count({ where: { action: "user.promoteContributor", targetId: reader.id } }),
    ).toBe(1);

    const translator = await createActor("TRANSLATOR");
    const { id: own } = await submitContribution(translator, await valid());
    await publishArticle(editor, { id: own });
    expect((await db.user.findUniqueOrThrow({ where: { id: translator.id } })).role).toBe("TRANSLATOR");
  });
});

describe("textToDoc", () => {
  it("splits on blank lines and joins wrapped lines", () => {
    expect(textToDoc("第一行\n接着\n\n\n第二段  \n").content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "第一行 接着" }] },
      { type: "paragraph", content: [{ type: "text", text: "第二段" }] },
    ]);
  });
});
