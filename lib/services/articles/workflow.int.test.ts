import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCategory } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { createArticle } from "./create-article";
import { listMyArticles } from "./list-my-articles";
import { listReviewQueue } from "./list-review-queue";
import { publishArticle } from "./publish-article";
import { submitForReview } from "./submit-for-review";
import { createActor, doc } from "./test-helpers";
import { unpublishArticle } from "./unpublish-article";

async function draft() {
  const translator = await createActor("TRANSLATOR");
  const category = await createCategory();
  const a = await createArticle(translator, {
    title: "译文草稿",
    categoryId: category.id,
    body: doc("译文正文"),
    sourceUrl: "https://example.com/a",
  });
  return { translator, category, id: a.id };
}
const actions = async (id: string) =>
  (await db.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" } })).map((a) => a.action);

describe("article workflow", () => {
  it("author submits → editor publishes, each step audited; public caches invalidated on publish only", async () => {
    const { translator, id } = await draft();
    const editor = await createActor("EDITOR");
    invalidated.length = 0;
    expect((await submitForReview(translator, { id, version: 1 })).status).toBe("IN_REVIEW");
    expect(invalidated).toEqual([]);
    expect((await listReviewQueue(editor)).items.map((i) => i.id)).toContain(id);
    const published = await publishArticle(editor, { id });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(invalidated).toEqual(
      expect.arrayContaining(["articles", `article:${id}`, `author:${translator.id}`]),
    );
    expect(await actions(id)).toEqual(["article.create", "article.submitForReview", "article.publish"]);
  });

  it("a translator cannot publish or schedule, even their own draft, and nothing changes", async () => {
    const { translator, id } = await draft();
    await expect(publishArticle(translator, { id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      publishArticle(translator, { id, scheduledAt: new Date(Date.now() + 3_600_000).toISOString() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(unpublishArticle(translator, { id, to: "ARCHIVED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    expect(await actions(id)).toEqual(["article.create"]);
  });

  it("another translator cannot even submit someone else's draft (NOT_FOUND)", async () => {
    const { id } = await draft();
    const other = await createActor("TRANSLATOR");
    await expect(submitForReview(other, { id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listReviewQueue(other)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("schedules for the future only, and refuses a publish based on a stale version", async () => {
    const { id } = await draft();
    const editor = await createActor("EDITOR");
    await expect(
      publishArticle(editor, { id, scheduledAt: new Date(Date.now() - 60_000).toISOString() }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await db.article.update({ where: { id }, data: { version: 2 } });
    await expect(publishArticle(editor, { id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    const at = new Date(Date.now() + 3_600_000);
    const r = await publishArticle(editor, { id, version: 2, scheduledAt: at.toISOString() });
    expect(r).toMatchObject({ status: "SCHEDULED", scheduledAt: at, publishedAt: null });
  });

  it("unpublishes to DRAFT or ARCHIVED and refuses what makes no sense", async () => {
    const { translator, id } = await draft();
    const editor = await createActor("EDITOR");
    await expect(unpublishArticle(editor, { id, to: "DRAFT" })).rejects.toMatchObject({ code: "INVALID" });
    await publishArticle(editor, { id });
    invalidated.length = 0;
    expect((await unpublishArticle(editor, { id, to: "ARCHIVED" })).status).toBe("ARCHIVED");
    expect(invalidated).toContain(`article:${id}`);
    await expect(unpublishArticle(editor, { id, to: "ARCHIVED" })).rejects.toMatchObject({ code: "INVALID" });
    expect((await unpublishArticle(editor, { id, to: "DRAFT" })).status).toBe("DRAFT");
    const mine = await listMyArticles(translator, { status: "DRAFT" });
    expect(mine.items.map((i) => i.id)).toEqual([id]);
    expect(mine.counts.DRAFT).toBe(1);
  });

  it("refuses to submit an empty draft", async () => {
    const contributor = await createActor("CONTRIBUTOR");
    const category = await createCategory();
    const a = await createArticle(contributor, { title: "空稿", categoryId: category.id });
    await expect(submitForReview(contributor, { id: a.id })).rejects.toMatchObject({ code: "INVALID" });
  });
});
