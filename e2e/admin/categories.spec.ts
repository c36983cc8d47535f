import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";

test.describe("category management", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("an admin creates a category, it appears in the public category bar, is deleted while empty; deleting a full one is refused", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36);
    const name = `测试栏目${stamp.slice(-4)}`;
    await page.goto("/admin/categories");
    const form = page.getByTestId("create-category");
    await form.getByLabel("名称").fill(name);
    await form.getByLabel(/URL 标识/).fill(`bad slug ${stamp}`);
    await form.getByRole("button", { name: "新建分类" }).click();
    await expect(form.getByRole("alert")).toContainText("URL 标识只能包含小写字母");
    await form.getByLabel(/URL 标识/).fill(`e2e-${stamp}`);
    await form.getByRole("button", { name: "新建分类" }).click();
    await expect(form.getByText("分类已创建")).toBeVisible();
    await expect(page.getByTestId("category-row").last()).toContainText(name);

    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "栏目" }).getByRole("link", { name })).toHaveAttribute(
      "href",
      `/category/e2e-${stamp}`,
    );

    // e2e/public/home.spec.ts counts the bar's links: remove ours at once (deleting an empty one is allowed)
    await page.goto("/admin/categories");
    const mine = page.getByTestId("category-row").filter({ hasText: name });
    await mine.getByRole("button", { name: /^删除/ }).click();
    await mine.getByRole("button", { name: "确认删除" }).click();
    await expect(page.getByTestId("category-row").filter({ hasText: name })).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "栏目" }).getByRole("link", { name })).toHaveCount(0);

    await page.goto("/admin/categories");
    const full = page.getByTestId("category-row").first();
    await full.getByRole("button", { name: /^删除/ }).click();
    await full.getByRole("button", { name: "确认删除" }).click();
    await expect(full.getByRole("alert")).toContainText("请先把它们移到其他分类");
  });
});
