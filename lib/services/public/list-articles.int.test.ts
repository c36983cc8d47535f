import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, createCategory, createTag, createUser } from "@/lib/test/factories";
import { decodeCursor } from "./cursor";
import { getHomeHighlights } from "./get-home-highlights";
import { getMember } from "./get-member";
import { listCategoryArticles } from "./list-category-articles";
import { listCategoryBlocks } from "./list-category-blocks";
import { listFeedItems } from "./list-feed-items";
import { listHotArticles } from "./list-hot-articles";
import { listLatestArticles } from "./list-latest-articles";
import { listMemberArticles } from "./list-member-articles";
import { listSitemapEntries } from "./list-sitemap-entries";
import { listTagArticles } from "./list-tag-articles";

const HOUR = 3_600_000;

describe("public article lists", () => {
  let category: Awaited<ReturnType<typeof createCategory>>;
  let tag: Awaited<ReturnType<typeof createTag>>;
  let author: Awaited<ReturnType<typeof createUser>>;
  const visible: string[] = [];
  const hidden: string[] = [];

  beforeAll(async () => {
    category = await createCategory();
    tag = await createTag();
    author = await createUser({ role: "EDITOR" });
    const base = {
      categoryId: category.id,
      authorId: author.id,
      tagIds: [tag.id],
      isFeatured: true,
      viewCount: 10_000_000,
    };
    for (const [status, publishedAt] of [
      ["DRAFT", null],
      ["IN_REVIEW", null],
      ["SCHEDULED", new Date(Date.now() + 24 * HOUR)],
      ["PUBLISHED", new Date(Date.now() + 24 * HOUR)], // published but dated in the future
      ["ARCHIVED", new Date(Date.now() - HOUR)],
    ] as const) {
      hidden.push((await createArticle({ ...base, status, publishedAt })).publicId);
    }
    for (let i = 0; i < 3; i++) {
      visible.push(
        (await createArticle({ ...base, publishedAt: new Date(Date.now() - (i + 1) * HOUR) })).publicId,
      );
    }
  });

  it("list only PUBLISHED articles whose publishedAt is in the past", async () => {
    const scoped = [
      (await listCategoryArticles(category, null, 50)).items,
      (await listTagArticles(tag, null, 50)).items,
      (await listMemberArticles({ publicId: author.profile!.publicId }, null, 50)).items,
      await listHotArticles({ categoryId: category.id, limit: 20 }),
    ];
    for (const items of scoped) expect(items.map((a) => a.publicId).sort()).toEqual([...visible].sort());

    const everywhere = [
      (await listLatestArticles(null, 50)).items.map((a) => a.publicId),
      (await getHomeHighlights(20)).featured.map((a) => a.publicId),
      (await listHotArticles({ limit: 20 })).map((a) => a.publicId),
      (await listCategoryBlocks(10)).flatMap((b) => b.articles.map((a) => a.publicId)),
      (await listFeedItems({ categoryId: category.id })).map((a) => a.publicId),
      (await listSitemapEntries()).filter((e) => e.kind === "article").map((e) => e.key),
    ];
    for (const ids of everywhere) for (const id of hidden) expect(ids).not.toContain(id);
    expect((await getMember(author.profile!.publicId))?.articleCount).toBe(3);
  });

  it("returns DTOs with profile data, never user rows", async () => {
    const [card] = (await listCategoryArticles(category, null, 1)).items;
    expect(card?.author).toEqual({
      publicId: author.profile!.publicId,
      displayName: author.profile!.displayName,
      avatarUrl: null,
    });
    expect(JSON.stringify(card)).not.toMatch(/email|passwordHash|authorId/);
  });
});

describe("keyset pagination", () => {
  it("returns disjoint pages that together list everything, newest first, ties included", async () => {
    const category = await createCategory();
    const author = await createUser({ role: "EDITOR" });
    const tie = new Date(Date.now() - 5 * HOUR);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      // every third article shares a timestamp, so the publicId tie-break is exercised
      const publishedAt = i % 3 === 0 ? tie : new Date(Date.now() - (i + 10) * HOUR);
      ids.push((await createArticle({ categoryId: category.id, authorId: author.id, publishedAt })).publicId);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listCategoryArticles(category, decodeCursor(cursor), 10);
      for (let i = 1; i < page.items.length; i++) {
        expect(page.items[i - 1]!.publishedAt.getTime()).toBeGreaterThanOrEqual(
          page.items[i]!.publishedAt.getTime(),
        );
      }
      seen.push(...page.items.map((a) => a.publicId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(ids.sort());
  });
});
