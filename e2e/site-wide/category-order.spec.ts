import { expect, test, type Page } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";

/**
 * Issue 14 acceptance: an admin reorders categories in 分类管理 and the category bar of the public
 * site follows, signed out too (the bar is cached and in the page cache). Runs in the site-wide
 * project (alone, after the rest): every page shows the bar. The order is put back through the
 * same buttons; should the spec fail half-way, the saved positions are written back (the bar
 * then follows within its cache life).
 */

const barNames = (page: Page) =>
  page.getByRole("navigation", { name: "栏目" }).getByRole("link").allTextContents();

const adminNames = (page: Page) => page.getByTestId("category-row").getByRole("rowheader").allTextContents();

let saved: { id: number; position: number }[] = [];

test.beforeAll(async () => {
  saved = await withDb(async (c) => (await c.query(`SELECT id, position FROM categories ORDER BY id`)).rows);
});

test.afterAll(async () => {
  await withDb(async (c) => {
    for (const { id, position } of saved)
      await c.query(`UPDATE categories SET position = $2 WHERE id = $1 AND position <> $2`, [id, position]);
  });
});

test.use({ storageState: authStatePath("ADMIN") });

test("an admin moves a category down and the public category bar follows, then moves it back", async ({
  page,
  browser,
}) => {
  await page.goto("/admin/categories");
  // the list streams in after the page's loading state: wait for it before reading it
  await expect(page.getByTestId("category-row").nth(1)).toBeVisible();
  const before = await adminNames(page);
  expect(before.length).toBeGreaterThanOrEqual(2);
  const [first, second] = before.map((n) => n.replace(/\/.*$/, "")) as [string, string];
  const reader = await browser.newContext({
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    storageState: { cookies: [], origins: [] },
  });
  const readerPage = await reader.newPage();
  try {
    await readerPage.goto("/");
    const shown = await barNames(readerPage);
    expect(shown.indexOf(first)).toBeLessThan(shown.indexOf(second));

    await page.getByRole("button", { name: `下移「${first}」`, exact: true }).click();
    await expect(page.getByTestId("category-row").nth(1).getByRole("rowheader")).toContainText(first);

    for (const p of [page, readerPage]) {
      await p.goto("/");
      const bar = await barNames(p);
      expect(bar.indexOf(second)).toBeLessThan(bar.indexOf(first));
      expect(bar.indexOf(first)).toBe(bar.indexOf(second) + 1);
    }
    // every public page shares the bar: /latest, signed out
    await readerPage.goto("/latest");
    const latest = await barNames(readerPage);
    expect(latest.indexOf(second)).toBeLessThan(latest.indexOf(first));

    await page.goto("/admin/categories");
    await page.getByRole("button", { name: `上移「${first}」`, exact: true }).click();
    await expect(page.getByTestId("category-row").first().getByRole("rowheader")).toContainText(first);
    expect((await adminNames(page)).join()).toBe(before.join());
    await readerPage.goto("/");
    const after = await barNames(readerPage);
    expect(after.indexOf(first)).toBeLessThan(after.indexOf(second));
  } finally {
    await reader.close();
  }
});
