import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers";

// words that the demo articles use in their bodies
const ZH = "勒索";
const EN = "LockBit";

test.describe("search", () => {
  test("the header search box finds a Chinese word and highlights it", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("searchbox", { name: "搜索文章" }).first();
    await box.fill(ZH);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(ZH)}`));
    await expect(page.getByRole("status")).toContainText("找到约");
    const results = page.getByTestId("search-results").getByRole("listitem");
    await expect(results).not.toHaveCount(0);
    await expect(page.getByTestId("search-results").locator("mark").first()).toHaveText(ZH);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/search$/);
    await expectNoSeriousA11yViolations(page);
  });

  test("finds an English word whatever its case", async ({ page }) => {
    await page.goto(`/search?q=${EN.toLowerCase()}`);
    await expect(page.getByTestId("search-results").getByRole("listitem")).not.toHaveCount(0);
    await expect(page.getByTestId("search-results").locator("mark").first()).toHaveText(new RegExp(EN, "i"));
  });

  test("mixed zh + en queries work and paginate", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent(`${EN} ${ZH}`)}`);
    await expect(page.getByTestId("search-results").getByRole("listitem")).not.toHaveCount(0);
  });

  test("empty and no-result states are in Chinese, and markup in the query is inert", async ({ page }) => {
    await page.goto("/search");
    await expect(page.getByTestId("search-empty")).toContainText("输入关键词");
    await page.goto(`/search?q=${encodeURIComponent("<b>完全不存在的词组xyzzy</b>")}`);
    await expect(page.getByTestId("search-no-results")).toContainText(
      "没有找到与“<b>完全不存在的词组xyzzy</b>”相关的文章",
    );
    await expect(page.locator("main b")).toHaveCount(0);
  });
});
