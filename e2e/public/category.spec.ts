import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectNoSeriousA11yViolations, expectNotFound, postIds } from "./helpers";

async function seedLongCategory(count: number): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const stamp = Date.now().toString(36);
    const slug = `e2e-paging-${stamp}`;
    const { rows } = await client.query(
      `INSERT INTO categories (slug, name, position, "updatedAt") VALUES ($1, $2, 999, now()) RETURNING id`,
      [slug, `分页测试${stamp}`],
    );
    const author = (await client.query(`SELECT id FROM users WHERE role = 'EDITOR' ORDER BY email LIMIT 1`)).rows[0].id;
    for (let i = 0; i < count; i++) {
      await client.query(
        `INSERT INTO articles (id, "publicId", title, "bodyJson", "bodyHtml", "bodyText", status, "publishedAt", "authorId", "categoryId", "updatedAt")
         VALUES ($1, $2, $3, '{"type":"doc","content":[]}', '<p>分页测试</p>', '分页测试', 'PUBLISHED', now() - ($4 || ' minutes')::interval, $5, $6, now())`,
        [`e2e-${stamp}-${i}`, `p${stamp}${i}`.slice(0, 16), `分页测试文章 ${i}`, String(i + 1), author, rows[0].id],
      );
    }
    return slug;
  } finally {
    await client.end();
  }
}

test.describe("category page", () => {
  test("lists the category's articles with its own hot list, RSS link and metadata", async ({ page }) => {
    await page.goto("/");
    const bar = page.getByRole("navigation", { name: "栏目" });
    const first = bar.getByRole("link").first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/\/category\/[\w-]+$/);
    const slug = new URL(page.url()).pathname.split("/").pop()!;

    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${name} · 署名 Byline`));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/category/${slug}$`));
    await expect(page.getByRole("link", { name: new RegExp(`订阅「${name}」`) })).toHaveAttribute("href", `/category/${slug}/feed`);
    await expect(page.locator("#hot").getByRole("heading", { name: `${name}热门` })).toBeVisible();
    expect((await postIds(page)).length).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
  });

  test("paginates with ?before= keyset links into disjoint pages", async ({ page }) => {
    // the demo categories hold fewer articles than a page, so this test publishes its own
    // category of 25 straight into the e2e database (a fresh slug, so no cache entry exists yet)
    const slug = await seedLongCategory(25);
    await page.goto(`/category/${slug}`);
    const first = await postIds(page);
    expect(first.length).toBeGreaterThan(0);
    await page.getByTestId("load-more").click();
    await expect(page).toHaveURL(new RegExp(`/category/${slug}\\?before=`));
    const second = await postIds(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(first.length + second.length).toBe(25);
  });

  test("a malformed cursor falls back to the first page; an unknown category is a 404", async ({ page }) => {
    await page.goto("/");
    const href = await page.getByRole("navigation", { name: "栏目" }).getByRole("link").first().getAttribute("href");
    await page.goto(href!);
    const first = await postIds(page);
    await page.goto(`${href}?before=%3Cscript%3E`);
    expect(await postIds(page)).toEqual(first);
    await expectNotFound(page, `/category/no-such-category-${Date.now()}`);
  });
});
