import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";
import { createSpecArticle } from "../public/comments-db";

/**
 * 标签管理 (issue 14), as an editor: every tag and article here is the spec's own (a copy of a
 * seeded article published in 2001, so no list's first page changes).
 */

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A tag of the spec's own on the given articles. */
function createTag(name: string, slug: string, articleIds: string[]) {
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO tags (slug, name) VALUES ($1, $2) RETURNING id`,
      [slug, name],
    );
    for (const a of articleIds)
      await c.query(`INSERT INTO article_tags ("articleId", "tagId") VALUES ($1, $2)`, [a, rows[0]!.id]);
    return rows[0]!.id;
  });
}

const tagsOf = (articleId: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{ slug: string }>(
      `SELECT t.slug FROM article_tags at JOIN tags t ON t.id = at."tagId" WHERE at."articleId" = $1 ORDER BY t.slug`,
      [articleId],
    );
    return rows.map((r) => r.slug);
  });

const rowOf = (page: Page, name: string) =>
  page.getByTestId("tag-row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });

let anon: APIRequestContext;
test.beforeAll(async () => {
  anon = await playwrightRequest.newContext({
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    storageState: { cookies: [], origins: [] },
  });
});
test.afterAll(async () => {
  await anon.dispose();
});

test.describe("tag management", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor changes a tag's slug: the old URL answers 301 to the new one, which lists the article", async ({
    page,
  }) => {
    const s = stamp();
    const [name, oldSlug, newSlug] = [`标签${s}`, `old-${s}`, `new-${s}`];
    const article = await createSpecArticle({ title: `标签测试 ${s}` });
    await createTag(name, oldSlug, [article.id]);
    // signed out: the old tag page lists the article, whose page the page cache keeps (a HIT)
    await expect.poll(async () => (await anon.get(`/tag/${oldSlug}`)).text()).toContain(`标签测试 ${s}`);
    await expect.poll(async () => (await anon.get(article.path)).headers()["x-byline-cache"]).toBe("HIT");
    expect(await (await anon.get(article.path)).text()).toContain(`>${name}</a>`);

    await page.goto(`/admin/tags?q=${s}`);
    const row = rowOf(page, name);
    await expect(row.getByRole("cell")).toHaveText(["1", "1", /合并/]);
    await row.getByRole("button", { name: `编辑「${name}」` }).click();
    await row.getByLabel("名称").fill(`${name}改`);
    await row.getByLabel(/URL 标识/).fill(newSlug);
    await row.getByRole("button", { name: "保存" }).click();
    await expect(row.getByText("已保存。")).toBeVisible();
    await expect(page.getByRole("rowheader", { name: new RegExp(`/tag/${newSlug}`) })).toBeVisible();

    const moves: [string, string][] = [
      [`/tag/${oldSlug}`, `/tag/${newSlug}`],
      [`/tag/${oldSlug}?before=x`, `/tag/${newSlug}?before=x`],
    ];
    for (const [from, to] of moves) {
      const res = await anon.get(from, { maxRedirects: 0 });
      expect(res.status(), from).toBe(301);
      const location = new URL(res.headers()["location"]!, res.url());
      expect(location.pathname + location.search).toBe(to);
    }
    await expect.poll(async () => (await anon.get(`/tag/${newSlug}`)).text()).toContain(`标签测试 ${s}`);
    // the editor's HEAD too, and the browser lands on the new page, which lists the article
    expect((await page.request.head(`/tag/${oldSlug}`, { maxRedirects: 0 })).status()).toBe(301);
    await page.goto(`/tag/${oldSlug}`);
    await expect(page).toHaveURL(new RegExp(`/tag/${newSlug}$`));
    await expect(page.getByRole("heading", { level: 1, name: `#${name}改` })).toBeVisible();
    await expect(page.getByRole("link", { name: `标签测试 ${s}` })).toBeVisible();
    // the cached article page was dropped: it shows the new name and link
    const html = await (await anon.get(article.path)).text();
    expect(html).toContain(`href="/tag/${newSlug}"`);
    expect(html).toContain(`>${name}改</a>`);
  });

  test("an editor merges one tag into another: articles keep one copy of it and the old URL redirects", async ({
    page,
  }) => {
    const s = stamp();
    const [one, both] = [await createSpecArticle(), await createSpecArticle()];
    const [a, b] = [`甲${s}`, `乙${s}`];
    await createTag(a, `a-${s}`, [one.id, both.id]);
    await createTag(b, `b-${s}`, [both.id]);
    await page.goto(`/admin/tags?q=${s}&sort=name`);
    const row = rowOf(page, a);
    await row.getByRole("button", { name: `合并「${a}」到另一个标签` }).click();
    // into itself is refused
    await row.getByLabel(/合并到/).fill(a);
    await row.getByRole("button", { name: "合并…" }).click();
    await row.getByRole("button", { name: "确认合并" }).click();
    await expect(row.getByRole("alert")).toContainText("不能把标签合并到它自己");
    await row.getByLabel(/合并到/).fill(b);
    await row.getByRole("button", { name: "合并…" }).click();
    await expect(row.getByRole("alertdialog")).toContainText(`确定把「${a}」合并到「${b}」吗`);
    await expect(row.getByRole("button", { name: "确认合并" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(rowOf(page, a)).toHaveCount(0);
    await expect(rowOf(page, b).getByRole("cell").nth(1)).toHaveText("2");
    expect(await tagsOf(one.id)).toEqual([`b-${s}`]);
    expect(await tagsOf(both.id)).toEqual([`b-${s}`]);
    const res = await anon.get(`/tag/a-${s}`, { maxRedirects: 0 });
    expect(res.status()).toBe(301);
    expect(new URL(res.headers()["location"]!, res.url()).pathname).toBe(`/tag/b-${s}`);
  });

  test("an editor deletes an unused tag; a used one is refused with its article count", async ({ page }) => {
    const s = stamp();
    const article = await createSpecArticle();
    const [unused, used] = [`空${s}`, `用${s}`];
    await createTag(unused, `unused-${s}`, []);
    await createTag(used, `used-${s}`, [article.id]);
    await page.goto(`/admin/tags?q=${s}`);
    const usedRow = rowOf(page, used);
    await usedRow.getByRole("button", { name: `删除「${used}」` }).click();
    await usedRow.getByRole("button", { name: "确认删除" }).click();
    await expect(usedRow.getByRole("alert")).toContainText("还用在 1 篇文章上");
    const unusedRow = rowOf(page, unused);
    await unusedRow.getByRole("button", { name: `删除「${unused}」` }).click();
    await unusedRow.getByRole("button", { name: "确认删除" }).click();
    await expect(rowOf(page, unused)).toHaveCount(0);
    await expect(rowOf(page, used)).toHaveCount(1);
    await page.goto(`/admin/tags?q=nothing-matches-${s}`);
    await expect(page.getByText("没有符合条件的标签")).toBeVisible();
  });
});
