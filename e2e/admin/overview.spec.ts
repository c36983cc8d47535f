import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";

test.describe("admin overview", () => {
  test.use({ storageState: authStatePath("ADMIN") });
  test("an admin sees counts of articles, comments and users", async ({ page }) => {
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "站点概览" })).toBeVisible();
    const articles = page.getByTestId("overview-文章");
    await expect(articles.getByRole("row", { name: /已发布/ })).toContainText(/\d+/);
    const published = Number(
      await articles
        .getByRole("row", { name: /已发布/ })
        .getByRole("cell")
        .textContent(),
    );
    expect(published).toBeGreaterThanOrEqual(40);
    await expect(
      page
        .getByTestId("overview-用户")
        .getByRole("row", { name: /管理员/ })
        .getByRole("cell"),
    ).not.toHaveText("0");
  });
});

test.describe("admin overview, editor", () => {
  test.use({ storageState: authStatePath("EDITOR") });
  test("an editor is sent on to the comment queue, never the counts", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/comments$/);
    await expect(page.getByRole("heading", { name: "评论审核" })).toBeVisible();
    await expect(page.getByTestId("overview-文章")).toHaveCount(0);
  });
});
