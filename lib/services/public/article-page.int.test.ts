import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle, createCategory, createTag, createUser } from "@/lib/test/factories";
import { getAuthorLatest } from "./get-author-latest";
import { getPublicArticle } from "./get-public-article";
import { getRelatedArticles } from "./get-related-articles";
import { listArticleComments } from "./list-article-comments";

describe("getPublicArticle", () => {
  it("returns a published article with its byline, tags and translation source", async () => {
    const translator = await createUser({ role: "TRANSLATOR", bio: "  " });
    const tag = await createTag();
    const a = await createArticle({
      translatorId: translator.id,
      tagIds: [tag.id],
      source: {
        url: "https://example.com/a",
        title: "Original",
        author: "Jane",
        site: "Example",
        publishedAt: new Date("2026-01-02"),
      },
    });
    const got = await getPublicArticle(a.publicId);
    expect(got).toMatchObject({ id: a.id, title: a.title, tags: [{ id: tag.id, slug: tag.slug }] });
    expect(got?.translator).toMatchObject({
      id: translator.id,
      publicId: translator.profile!.publicId,
      bio: null,
    });
    expect(got?.source).toMatchObject({
      url: "https://example.com/a",
      title: "Original",
      author: "Jane",
      site: "Example",
    });
    // no private user data in the DTO
    expect(JSON.stringify(got)).not.toMatch(/passwordHash|email/);
  });

  it("does not return drafts, articles in review, scheduled or future-dated ones, or unknown ids", async () => {
    const draft = await createArticle({ status: "DRAFT" });
    const review = await createArticle({ status: "IN_REVIEW" });
    const archived = await createArticle({
      status: "ARCHIVED",
      publishedAt: new Date(Date.now() - 86_400_000),
    });
    const future = await createArticle({
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() + 86_400_000),
    });
    for (const a of [draft, review, archived, future]) expect(await getPublicArticle(a.publicId)).toBeNull();
    expect(await getPublicArticle("nope-nope")).toBeNull();
    expect(await getPublicArticle("../etc/passwd")).toBeNull();
  });
});

describe("getRelatedArticles", () => {
  it("ranks by shared tags, then same category, then recency, and never includes drafts or the article itself", async () => {
    const [catA, catB] = await Promise.all([createCategory(), createCategory()]);
    const [t1, t2, t3, t4] = await Promise.all([createTag(), createTag(), createTag(), createTag()]);
    const hours = (h: number) => new Date(Date.now() - h * 3_600_000);
    const me = await createArticle({ categoryId: catA.id, tagIds: [t1.id, t2.id, t3.id] });
    const shares3 = await createArticle({
      categoryId: catB.id,
      tagIds: [t1.id, t2.id, t3.id],
      publishedAt: hours(90),
    });
    const shares2 = await createArticle({
      categoryId: catB.id,
      tagIds: [t1.id, t2.id],
      publishedAt: hours(80),
    });
    const shares1SameCat = await createArticle({
      categoryId: catA.id,
      tagIds: [t3.id],
      publishedAt: hours(70),
    });
    const shares1 = await createArticle({ categoryId: catB.id, tagIds: [t1.id], publishedAt: hours(2) });
    const sameCatNewer = await createArticle({ categoryId: catA.id, tagIds: [t4.id], publishedAt: hours(3) });
    const sameCatOlder = await createArticle({ categoryId: catA.id, publishedAt: hours(50) });
    await createArticle({ categoryId: catB.id, tagIds: [t4.id] }); // unrelated
    await createArticle({ categoryId: catA.id, tagIds: [t1.id, t2.id, t3.id], status: "DRAFT" });

    const related = await getRelatedArticles({
      articleId: me.id,
      categoryId: catA.id,
      tagIds: [t1.id, t2.id, t3.id],
      limit: 10,
    });
    expect(related.map((r) => r.id)).toEqual([
      shares3.id,
      shares2.id,
      shares1SameCat.id,
      shares1.id,
      sameCatNewer.id,
      sameCatOlder.id,
    ]);
    expect(
      (
        await getRelatedArticles({
          articleId: me.id,
          categoryId: catA.id,
          tagIds: [t1.id, t2.id, t3.id],
          limit: 2,
        })
      ).length,
    ).toBe(2);
  });

  it("falls back to the same category for an article without tags", async () => {
    const cat = await createCategory();
    const me = await createArticle({ categoryId: cat.id });
    const other = await createArticle({ categoryId: cat.id });
    expect(
      (await getRelatedArticles({ articleId: me.id, categoryId: cat.id, tagIds: [] })).map((r) => r.id),
    ).toEqual([other.id]);
  });
});

describe("getAuthorLatest", () => {
  it("lists the author's other published articles, newest first", async () => {
    const author = await createUser({ role: "EDITOR" });
    const me = await createArticle({ authorId: author.id });
    const older = await createArticle({
      authorId: author.id,
      publishedAt: new Date(Date.now() - 86_400_000),
    });
    const newer = await createArticle({ authorId: author.id, publishedAt: new Date(Date.now() - 60_000) });
    await createArticle({ authorId: author.id, status: "DRAFT" });
    expect((await getAuthorLatest(author.id, me.id)).map((a) => a.id)).toEqual([newer.id, older.id]);
  });
});

describe("listArticleComments", () => {
  it("shows approved comments only, threaded one level, in the chosen order", async () => {
    const a = await createArticle();
    const [u1, u2] = await Promise.all([createUser(), createUser()]);
    const at = (m: number) => new Date(Date.now() - m * 60_000);
    const first = await db.comment.create({
      data: { articleId: a.id, authorId: u1.id, body: "第一条", status: "APPROVED", createdAt: at(30) },
    });
    const second = await db.comment.create({
      data: { articleId: a.id, authorId: u2.id, body: "第二条", status: "APPROVED", createdAt: at(20) },
    });
    await db.comment.create({
      data: { articleId: a.id, authorId: u2.id, body: "待审", status: "PENDING", createdAt: at(10) },
    });
    await db.comment.create({
      data: { articleId: a.id, authorId: u2.id, body: "垃圾", status: "SPAM", createdAt: at(9) },
    });
    const reply = await db.comment.create({
      data: {
        articleId: a.id,
        authorId: u2.id,
        parentId: first.id,
        body: "回复",
        status: "APPROVED",
        createdAt: at(5),
      },
    });
    await db.comment.create({
      data: {
        articleId: a.id,
        authorId: u1.id,
        parentId: first.id,
        body: "待审回复",
        status: "PENDING",
        createdAt: at(4),
      },
    });

    const newest = await listArticleComments(a.id, "newest");
    expect(newest.threads.map((t) => t.id)).toEqual([second.id, first.id]);
    expect(newest.threads[1]!.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(newest.threads[1]!.author.displayName).toBe(u1.profile!.displayName);
    expect((await listArticleComments(a.id, "oldest")).threads.map((t) => t.id)).toEqual([
      first.id,
      second.id,
    ]);
  });
});
