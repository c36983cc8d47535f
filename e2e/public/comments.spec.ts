import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { translation } from "./seeded-articles";

test.describe("comments", () => {
  test("signed out: approved comments are listed, the form asks for a login", async ({ browser }) => {
    const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
    const a = translation();
    await page.goto(`${a.path}?order=oldest`);
    const form = page.getByTestId("comment-form");
    await expect(form.getByRole("link", { name: "登录" })).toHaveAttribute(
      "href",
      `/login?next=${encodeURIComponent(`${a.path}#comments`)}`,
    );
    await expect(form.getByLabel("评论内容")).toBeDisabled();
    await expect(page.getByTestId("captcha-slot")).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "评论排序" }).getByRole("link", { name: "最早" }),
    ).toHaveAttribute("aria-current", "true");
    await page.close();
  });

  test.describe("signed in", () => {
    test.use({ storageState: authStatePath("READER") });

    test("a reader's comment is accepted for moderation and not shown yet", async ({ page }) => {
      const a = translation();
      await page.goto(a.path);
      const body = `端到端测试评论 ${Date.now()}`;
      const box = page.getByTestId("comment-form").getByRole("textbox");
      await expect(box).toBeEnabled();
      await box.fill(body);
      await page.getByRole("button", { name: "发表评论" }).click();
      await expect(page.getByText("评论已提交，审核通过后将显示在这里。")).toBeVisible();
      await page.reload();
      await expect(page.getByText(body)).toHaveCount(0);
    });
  });
});
