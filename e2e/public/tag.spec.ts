import { expect, test } from "@playwright/test";
import { expectNotFound, postIds } from "./helpers";

test.describe("tag pages", () => {
  test("the 专题 index links to tag pages that list tagged articles", async ({ page }) => {
    await page.goto("/tag");
    await expect(page.getByRole("heading", { level: 1, name: "专题" })).toBeVisible();
    const link = page.getByTestId("tag-index").getByRole("link").first();
    const label = (await link.locator("span").first().textContent())!.trim(); // "#名称"
    await link.click();
    await expect(page).toHaveURL(/\/tag\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`专题：${label.slice(1)}`));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/tag\/[\w-]+$/);
    // the list streams in after the page's shell (its heading): wait for it
    await expect.poll(async () => (await postIds(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  });

  test("a threat entity's page names its kind and aliases; the index groups entities by kind", async ({
    page,
  }) => {
    await page.goto("/tag/lockbit");
    await expect(page.getByRole("heading", { level: 1, name: "#LockBit" })).toBeVisible();
    await expect(page).toHaveTitle(/恶意软件：LockBit/);
    const facts = page.getByTestId("entity-facts");
    await expect(facts).toContainText("又名：LockBit 3.0、LockBit Black");
    expect((await postIds(page)).length).toBeGreaterThan(0);
    await page.goto("/tag");
    const malware = page.getByRole("region", { name: "恶意软件" });
    await expect(malware.getByRole("link", { name: /#LockBit/ })).toHaveAttribute("href", "/tag/lockbit");
    // topics come first: the 专题 section precedes the entities
    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("专题");
  });

  test("an unknown tag is a 404", async ({ page }) => {
    await expectNotFound(page, `/tag/no-such-tag-${Date.now()}`);
  });
});
