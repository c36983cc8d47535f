import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublicArticle } from "@/lib/services/public/get-public-article";
import { createArticle } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { archiveArticle } from "../archive-article";
import { deleteArticle } from "../delete-article";
import { getArticleForEdit } from "../get-article-for-edit";
import { listMyArticles } from "../list-my-articles";
import { listReviewQueue } from "../list-review-queue";
import { restoreDeletedArticle } from "../restore-deleted-article";
import { createActor } from "../test-helpers";
import { updateArticle } from "../update-article";

const row = (id: string) => db.article.findUniqueOrThrow({ where: { id } });
const audits = async (id: string) =>
  (await db.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" } })).map((a) => a.action);
const history = async (id: string) =>
  (await db.articleTransition.findMany({ where: { articleId: id }, orderBy: { createdAt: "asc" } })).map(
    (t) => `${t.fromStatus}→${t.toStatus}`,
  );

describe("archiveArticle", () => {
  it("editors archive any status but ARCHIVED through the transition (version, history, audit, caches)", async () => {
    const editor = await createActor("EDITOR");
    const live = await createArticle({ status: "PUBLISHED" });
    const draft = await createArticle({ status: "DRAFT" });
    invalidated.length = 0;
    const r = await archiveArticle(editor, { id: live.id, version: 1 });
    expect(r).toMatchObject({ status: "ARCHIVED", version: 2 });
    expect(await history(live.id)).toEqual(["PUBLISHED→ARCHIVED"]);
    expect(await audits(live.id)).toEqual(["article.archive"]);
    expect(invalidated).toContain(`article:${live.id}`);
    expect(await getPublicArticle(live.publicId)).toBeNull();
    expect((await archiveArticle(editor, { id: draft.id })).status).toBe("ARCHIVED");
    await expect(archiveArticle(editor, { id: draft.id })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("refuses authors and translators, and a stale version", async () => {
    const contributor = await createActor("CONTRIBUTOR");
    const own = await createArticle({ authorId: contributor.id, status: "DRAFT" });
    await expect(archiveArticle(contributor, { id: own.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const editor = await createActor("EDITOR");
    await db.article.update({ where: { id: own.id }, data: { version: 3 } });
    await expect(archiveArticle(editor, { id: own.id, version: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await row(own.id)).status).toBe("DRAFT");
    expect(await audits(own.id)).toEqual([]);
  });
});

describe("deleteArticle", () => {
  it("an author deletes their own draft: soft, audited, gone from every workspace read", async () => {
    const translator = await createActor("TRANSLATOR");
    const a = await createArticle({ authorId: translator.id, status: "DRAFT" });
    await deleteArticle(translator, { id: a.id });
    const r = await row(a.id);
    expect(r.deletedAt).toBeInstanceOf(Date);
    expect(r.deletedById).toBe(translator.id);
    expect(r.status).toBe("DRAFT");
    expect(await audits(a.id)).toEqual(["article.delete"]);
    expect((await listMyArticles(translator, {})).items.map((i) => i.id)).not.toContain(a.id);
    await expect(getArticleForEdit(translator, a.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateArticle(translator, { id: a.id, version: 1, title: "复活" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // deleting twice is NOT_FOUND: the article is already gone
    await expect(deleteArticle(translator, { id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("follows the policy: not others' drafts, not one's own beyond DRAFT, not an editor's colleague's", async () => {
    const contributor = await createActor("CONTRIBUTOR");
    const editor = await createActor("EDITOR");
    const other = await createArticle({ status: "DRAFT" });
    const inReview = await createArticle({ authorId: contributor.id, status: "IN_REVIEW" });
    await expect(deleteArticle(contributor, { id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteArticle(contributor, { id: inReview.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(deleteArticle(editor, { id: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteArticle(null, { id: other.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await row(other.id)).deletedAt).toBeNull();
    expect((await row(inReview.id)).deletedAt).toBeNull();
  });

  it("an admin deletes a published article: archived in the same transaction, off the site, caches invalidated", async () => {
    const admin = await createActor("ADMIN");
    const a = await createArticle({ status: "PUBLISHED" });
    expect(await getPublicArticle(a.publicId)).not.toBeNull();
    invalidated.length = 0;
    await deleteArticle(admin, { id: a.id, version: 1 });
    const r = await row(a.id);
    expect(r).toMatchObject({ status: "ARCHIVED", version: 2, deletedById: admin.id });
    expect(await history(a.id)).toEqual(["PUBLISHED→ARCHIVED"]);
    expect(await audits(a.id)).toEqual(["article.delete"]);
    expect(invalidated).toEqual(expect.arrayContaining(["articles", `article:${a.id}`]));
    expect(await getPublicArticle(a.publicId)).toBeNull();
  });

  it("an admin deletes a scheduled article (it will never publish) and one in review (it leaves the queue)", async () => {
    const admin = await createActor("ADMIN");
    const scheduled = await createArticle({ status: "SCHEDULED" });
    await db.article.update({
      where: { id: scheduled.id },
      data: { scheduledAt: new Date(Date.now() + 60_000) },
    });
    const inReview = await createArticle({ status: "IN_REVIEW" });
    await deleteArticle(admin, { id: scheduled.id });
    await deleteArticle(admin, { id: inReview.id });
    expect(await row(scheduled.id)).toMatchObject({ status: "ARCHIVED", scheduledAt: null });
    expect((await row(inReview.id)).status).toBe("IN_REVIEW");
    expect((await listReviewQueue(admin)).items.map((i) => i.id)).not.toContain(inReview.id);
  });
});

describe("restoreDeletedArticle", () => {
  it("only an admin restores; the status is kept and the restore audited", async () => {
    const admin = await createActor("ADMIN");
    const editor = await createActor("EDITOR");
    const a = await createArticle({ authorId: editor.id, status: "PUBLISHED" });
    await deleteArticle(admin, { id: a.id });
    await expect(restoreDeletedArticle(editor, { id: a.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restoreDeletedArticle(null, { id: a.id })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await restoreDeletedArticle(admin, { id: a.id })).toEqual({ id: a.id, status: "ARCHIVED" });
    expect(await row(a.id)).toMatchObject({ deletedAt: null, deletedById: null, status: "ARCHIVED" });
    expect(await audits(a.id)).toEqual(["article.delete", "article.restore"]);
    expect((await getArticleForEdit(editor, a.id)).status).toBe("ARCHIVED");
    // it stays off the site until someone publishes it again
    expect(await getPublicArticle(a.publicId)).toBeNull();
    await expect(restoreDeletedArticle(admin, { id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses unknown fields (strict schema)", async () => {
    const admin = await createActor("ADMIN");
    await expect(restoreDeletedArticle(admin, { id: "x", status: "PUBLISHED" })).rejects.toMatchObject({
      name: "ZodError",
    });
  });
});
