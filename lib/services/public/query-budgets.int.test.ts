import { beforeAll, describe, expect, it } from "vitest";
import { countQueries } from "@/lib/test/query-counter";
import { createArticle, createCategory, createTag, createUser, paragraphs } from "@/lib/test/factories";
import { getHomeHighlights } from "./get-home-highlights";
import { getMember } from "./get-member";
import { getSiteSettings } from "./get-site-settings";
import { getTag } from "./get-tag";
import { listCategories } from "./list-categories";
import { listCategoryArticles } from "./list-category-articles";
import { listCategoryBlocks } from "./list-category-blocks";
import { listFeedItems } from "./list-feed-items";
import { listHotArticles } from "./list-hot-articles";
import { listLatestArticles } from "./list-latest-articles";
import { listLatestComments } from "./list-latest-comments";
import { listMemberArticles } from "./list-member-articles";
import { listTagArticles } from "./list-tag-articles";
import { searchArticles } from "./search-articles";

/** The statements each page sends on a cache miss, layout (categories + settings) included. */
describe("query budgets", () => {
  let fx: { category: { id: number; slug: string }; tag: { id: number; slug: string }; member: string };

  beforeAll(async () => {
    const category = await createCategory();
    const tag = await createTag();
    const author = await createUser({ role: "EDITOR", bio: "简介" });
    const translator = await createUser({ role: "TRANSLATOR" });
    for (let i = 0; i < 55; i++) {
      await createArticle({
        categoryId: category.id,
        authorId: author.id,
        translatorId: i % 2 ? translator.id : null,
        tagIds: [tag.id],
        body: paragraphs("预算测试 漏洞 budget"),
      });
    }
    fx = { category, tag, member: author.profile!.publicId };
  });

  const layout = () => Promise.all([listCategories(), getSiteSettings()]);
  const pages: Record<string, (n: number) => Promise<unknown>> = {
    home: (n: number) =>
      Promise.all([
        layout(),
        getHomeHighlights(),
        listLatestArticles(null, n),
        listHotArticles({ limit: Math.min(n, 20) }),
        listCategoryBlocks(),
        listLatestComments(),
      ]),
    category: (n: number) =>
      Promise.all([
        layout(),
        listCategoryArticles(fx.category, null, n),
        listHotArticles({ categoryId: fx.category.id }),
      ]),
    tag: (n: number) => Promise.all([layout(), getTag(fx.tag.slug), listTagArticles(fx.tag, null, n)]),
    member: (n: number) =>
      Promise.all([layout(), getMember(fx.member), listMemberArticles({ publicId: fx.member }, null, n)]),
    search: () => Promise.all([layout(), searchArticles({ q: "预算测试 budget" })]),
    feed: () => Promise.all([listCategories(), listFeedItems({ categoryId: fx.category.id })]),
  };
  const budgets = { home: 8, category: 4, tag: 4, member: 4, search: 3, feed: 2 };

  for (const [name, run] of Object.entries(pages)) {
    it(`${name} stays within ${budgets[name as keyof typeof budgets]} statements, for 10 and for 50 items`, async () => {
      const ten = await countQueries(() => run(10));
      const fifty = await countQueries(() => run(50));
      expect(ten.queries.length).toBeLessThanOrEqual(budgets[name as keyof typeof budgets]);
      expect(fifty.queries.length).toBe(ten.queries.length);
    });
  }
});
