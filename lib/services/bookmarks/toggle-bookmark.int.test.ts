import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";
import { getBookmarkState } from "./get-bookmark-state";
import { listBookmarks } from "./list-bookmarks";
import { toggleBookmark } from "./toggle-bookmark";

async function actor(role: Actor["role"] = "READER"): Promise<Actor> {
  const u = await createUser({ role });
  return {
    id: u.id,
    role: u.role,
    status: u.status,
    displayName: u.profile!.displayName,
    publicId: u.profile!.publicId,
  };
}

describe("toggleBookmark", () => {
  it("bookmarks and un-bookmarks idempotently, scoped to the actor", async () => {
    const [me, other] = await Promise.all([actor(), actor()]);
    const a = await createArticle();
    expect(await toggleBookmark(me, { publicId: a.publicId, bookmarked: true })).toEqual({
      bookmarked: true,
    });
    expect(await toggleBookmark(me, { publicId: a.publicId, bookmarked: true })).toEqual({
      bookmarked: true,
    });
    expect(await db.bookmark.count({ where: { articleId: a.id } })).toBe(1);
    expect(await getBookmarkState(me, a.publicId)).toEqual({ bookmarked: true });
    expect(await getBookmarkState(other, a.publicId)).toEqual({ bookmarked: false });

    await toggleBookmark(other, { publicId: a.publicId, bookmarked: false }); // cannot touch mine
    expect(await getBookmarkState(me, a.publicId)).toEqual({ bookmarked: true });
    await toggleBookmark(me, { publicId: a.publicId, bookmarked: false });
    await toggleBookmark(me, { publicId: a.publicId, bookmarked: false });
    expect(await getBookmarkState(me, a.publicId)).toEqual({ bookmarked: false });
  });

  it("refuses anonymous and suspended users, and unpublished articles read as not found", async () => {
    const a = await createArticle();
    const draft = await createArticle({ status: "DRAFT" });
    await expect(toggleBookmark(null, { publicId: a.publicId, bookmarked: true })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const suspended = { ...(await actor()), status: "SUSPENDED" as const };
    await expect(toggleBookmark(suspended, { publicId: a.publicId, bookmarked: true })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(
      toggleBookmark(await actor(), { publicId: draft.publicId, bookmarked: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listBookmarks", () => {
  it("pages the actor's bookmarks newest first and hides articles unpublished since", async () => {
    const me = await actor();
    const articles = [];
    for (let i = 0; i < 22; i++) articles.push(await createArticle({ title: `收藏测试 ${i}` }));
    for (const [i, a] of articles.entries()) {
      await db.bookmark.create({
        data: { userId: me.id, articleId: a.id, createdAt: new Date(Date.now() - (100 - i) * 60_000) },
      });
    }
    await db.article.update({ where: { id: articles[21]!.id }, data: { status: "ARCHIVED" } });

    const p1 = await listBookmarks(me, { page: "1" });
    expect(p1).toMatchObject({ total: 21, page: 1, pageCount: 2 });
    expect(p1.items).toHaveLength(20);
    expect(p1.items[0]!.title).toBe("收藏测试 20");
    const p2 = await listBookmarks(me, { page: 2 });
    expect(p2.items.map((x) => x.title)).toEqual(["收藏测试 0"]);
    expect((await listBookmarks(me, { page: "garbage" })).page).toBe(1);
    await expect(listBookmarks(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
