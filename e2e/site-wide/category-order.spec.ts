import { expect, test, type Page } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";
import { INVALIDATION_CHANNEL, invalidationPayloads } from "../../lib/cache/invalidation-message";
import { tags as cacheTags } from "../../lib/cache-tags";

/**
 * Issue 14 acceptance: an admin reorders categories in 分类管理 and the category bar of the public
 * site follows, signed out too (the bar is cached and in the page cache). Runs in the site-wide
 * project (alone, after the rest): every page shows the bar. The order is put back through the
 * same buttons; should the spec fail half-way, the saved positions are written back and the
 * categories' tag announced as expired, as a save does, so a retry reads the bar as it was.
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
    let moved = 0;
    for (const { id, position } of saved)
      moved +=
        (
          await c.query(`UPDATE categories SET position = $2 WHERE id = $1 AND position <> $2`, [
            id,
            position,
          ])
        ).rowCount ?? 0;
    // every server instance drops what it cached of the bar (lib/cache/invalidation-bus.ts)
    if (moved)
      for (const p of invalidationPayloads("e2e-category-order", [cacheTags.categories()]))
        await c.query(`SELECT pg_notify($1, $2)`, [INVALIDATION_CHANNEL, p]);
  });
});

/** The category bar of `path` as `p`'s user gets it, read again until `expected` holds. */
async function expectBar(p: Page, path: string, expected: (bar: string[]) => boolean) {
  // the save expires this instance's copies at once; another instance's once it hears of it
  await expect
    .poll(
      async () => {
        await p.goto(path);
        const bar = await barNames(p);
        // the bar itself in the failure's message
        return expected(bar) || bar.join(" ");
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

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
    const inOrder = (bar: string[]) => bar.indexOf(first) !== -1 && bar.indexOf(first) < bar.indexOf(second);
    await expectBar(readerPage, "/", inOrder);

    await page.getByRole("button", { name: `下移「${first}」`, exact: true }).click();
    await expect(page.getByTestId("category-row").nth(1).getByRole("rowheader")).toContainText(first);

    const swapped = (bar: string[]) =>
      bar.indexOf(second) !== -1 && bar.indexOf(first) === bar.indexOf(second) + 1;
    for (const p of [page, readerPage]) await expectBar(p, "/", swapped);
    // every public page shares the bar: /latest, signed out
    await expectBar(readerPage, "/latest", swapped);

    await page.goto("/admin/categories");
    await page.getByRole("button", { name: `上移「${first}」`, exact: true }).click();
    await expect(page.getByTestId("category-row").first().getByRole("rowheader")).toContainText(first);
    expect((await adminNames(page)).join()).toBe(before.join());
    await expectBar(readerPage, "/", inOrder);
  } finally {
    await reader.close();
  }
});
