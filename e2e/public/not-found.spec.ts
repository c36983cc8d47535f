import { expect, test } from "@playwright/test";
import { expectNotFound } from "./helpers";

test.describe("404", () => {
  test("an unknown URL gets a 404 in the site's chrome", async ({ page }) => {
    const res = await page.goto("/this/page/does-not-exist");
    expect(res?.status()).toBe(404);
    await expect(
      page.getByTestId("not-found").getByRole("heading", { name: "没有找到这个页面" }),
    ).toBeVisible();
    await expect(page.getByRole("navigation", { name: "栏目" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回首页" })).toHaveAttribute("href", "/");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(page).toHaveTitle(/页面不存在/);
  });

  test("footer pages render, unknown ones are 404", async ({ page }) => {
    await page.goto("/");
    await page.locator("footer").getByRole("link", { name: "隐私政策" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "隐私政策" })).toBeVisible();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/page\/privacy$/);
    await expectNotFound(page, `/page/no-such-page-${Date.now()}`);
  });
});
