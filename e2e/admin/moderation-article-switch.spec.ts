import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { createSpecArticle } from "../public/comments-db";
import { articleCommentsClosed } from "./moderation-db";

test.describe("per-article comments switch", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor closes comments on a live article and a signed-out visitor sees 本文已关闭评论", async ({
    page,
    browser,
  }) => {
    const article = await createSpecArticle({
      title: `关闭评论测试 ${Math.random().toString(36).slice(2, 8)}`,
    });
    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      const anon = await visitor.newPage();
      await anon.goto(`/posts/${article.publicId}`);
      await expect(anon.getByTestId("comments-closed")).toHaveCount(0);

      await page.goto(`/editor/articles/${article.id}`);
      await page.locator("summary", { hasText: /^评论$/ }).click();
      const box = page.getByRole("checkbox", { name: /关闭评论/ });
      await expect(box).not.toBeChecked();
      await box.click();
      await expect(page.getByText("已关闭本文评论。")).toBeVisible();
      await expect(box).toBeChecked();
      expect(await articleCommentsClosed(article.id)).toBe(true);

      await expect
        .poll(
          async () => {
            await anon.goto(`/posts/${article.publicId}`);
            return anon.getByTestId("comments-closed").textContent();
          },
          { timeout: 20_000, intervals: [500, 1_000, 2_000] },
        )
        .toContain("本文已关闭评论");

      await box.click();
      await expect(box).not.toBeChecked();
      await expect(page.getByText("已开启本文评论。")).toBeVisible();
      expect(await articleCommentsClosed(article.id)).toBe(false);
    } finally {
      await visitor.close();
    }
  });
});
