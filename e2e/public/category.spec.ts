import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectNoSeriousA11yViolations, expectNotFound, postIds } from "./helpers";

async function addArticles(categorySlug: string, count: number): Promise<{ total: number }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const stamp = Date.now().toString(36);
    const category = (await client.query(`SELECT id FROM categories WHERE slug = $1`, [categorySlug])).rows[0]
      .id;
    // the admin writes no demo articles, so other specs' author pages stay as seeded
    const author = (await client.query(`SELECT id FROM users WHERE role = 'ADMIN' ORDER BY email LIMIT 1`))
      .rows[0].id;
    for (let i = 0; i < count; i++) {
      await client.query(
        `INSERT INTO articles (id, "publicId", title, "bodyJson", "bodyHtml", "bodyText", status, "publishedAt", "authorId", "categoryId", "updatedAt")
         VALUES ($1, $2, $3, '{"type":"doc","content":[]}', '<p>分页测试</p>', '分页测试', 'PUBLISHED', now() - ($4 || ' days')::interval, $5, $6, now())`,
        [
          `e2e-${stamp}-${i}`,
          `p${stamp}${i}`.slice(0, 16),
          `分页测试文章 ${i}`,
          String(50 + i),
          author,
          category,
        ],
      );
    }
    const total = (
      await client.query(
        `SELECT count(*)::int AS n FROM articles WHERE "categoryId" = $1 AND status = 'PUBLISHED' AND "publishedAt" <= now()`,
        [category],
      )
    ).rows[0].n;
    return { total };
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
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      new RegExp(`/category/${slug}$`),
    );
    await expect(page.getByRole("link", { name: new RegExp(`订阅「${name}」`) })).toHaveAttribute(
      "href",
      `/category/${slug}/feed`,
    );
    await expect(page.locator("#hot").getByRole("heading", { name: `${name}热门` })).toBeVisible();
    expect((await postIds(page)).length).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
  });

  test("paginates with ?before= keyset links into disjoint pages", async ({ page }) => {
    // the demo categories hold fewer articles than a page, so this test adds 21 to 安全工具 straight
    // into the e2e database. Written behind the app's back, they appear when the cached list expires
    // (the "lists" cache life, 60 s): that bound is part of what this checks.
    test.setTimeout(150_000);
    const slug = "tools";
    const added = await addArticles(slug, 21);
    await expect
      .poll(async () => (await page.request.get(`/category/${slug}`)).text(), {
        timeout: 130_000,
        intervals: [5_000],
      })
      .toContain('data-testid="load-more"');
    await page.goto(`/category/${slug}`);
    const first = await postIds(page);
    expect(first.length).toBeGreaterThan(0);
    await page.getByTestId("load-more").click();
    await expect(page).toHaveURL(new RegExp(`/category/${slug}\\?before=`));
    const second = await postIds(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(first.length + second.length).toBe(added.total);
  });

  test("a malformed cursor falls back to the first page; an unknown category is a 404", async ({ page }) => {
    await page.goto("/");
    const href = await page
      .getByRole("navigation", { name: "栏目" })
      .getByRole("link")
      .first()
      .getAttribute("href");
    await page.goto(href!);
    const first = await postIds(page);
    await page.goto(`${href}?before=%3Cscript%3E`);
    expect(await postIds(page)).toEqual(first);
    await expectNotFound(page, `/category/no-such-category-${Date.now()}`);
  });
});
