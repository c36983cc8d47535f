import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { expectNoSeriousA11yViolations } from "../public/helpers";
import { createReader } from "./db";
import { commentRow, insertComment } from "./moderation-db";

test.describe("keyboard moderation", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor opens the queue from the staff header, approves with j then a, and a signed-out visitor sees the comment", async ({
    page,
    browser,
  }) => {
    const reader = await createReader("键盘审核读者");
    const tag = Math.random().toString(36).slice(2, 8);
    const body = `键盘审核 <b>${tag}</b> 应原样显示`;
    const c = await insertComment(reader.id, body, "PENDING");

    await page.goto("/editor");
    const link = page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: /评论审核/ });
    await expect(link.getByTestId("pending-comments")).toHaveText(/\d+/);
    await link.click();
    await expect(page).toHaveURL(/\/admin\/comments$/);
    await expect(page.getByRole("heading", { name: "评论审核" })).toBeVisible();
    await expect(page.getByTestId("shortcut-help")).toContainText("通过");

    await page.getByLabel("评论内容").fill(tag);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    const row = page.getByTestId("moderation-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(body); // markup shown as text
    await expect(row.getByTestId("held-reason")).toContainText("先审后发");

    // the page hydrates before its shortcuts listen: press j until the row is the current one
    await expect(async () => {
      await page.keyboard.press("j");
      await expect(row).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(row).toBeFocused();
    await expectNoSeriousA11yViolations(page);

    await page.keyboard.press("a");
    await expect(page.getByTestId("moderation-status")).toHaveText("已通过 1 条评论。");
    await expect(row).toHaveCount(0);
    const stored = await commentRow(c.id);
    expect(stored.status).toBe("APPROVED");
    // one snapshot: the article's count equals its approved comments (kept in the same transaction)
    expect(stored.articleCount).toBe(stored.approved);

    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    try {
      const anon = await visitor.newPage();
      await expect
        .poll(
          async () => {
            await anon.goto(`/posts/${c.publicId}`);
            return anon.locator("#comments").getByText(body).count();
          },
          { timeout: 20_000, intervals: [500, 1_000, 2_000] },
        )
        .toBe(1);
    } finally {
      await visitor.close();
    }
  });

  test("keys are ignored while typing in the filter, and r rejects the current row", async ({ page }) => {
    const reader = await createReader("键盘拒绝读者");
    const tag = Math.random().toString(36).slice(2, 8);
    const c = await insertComment(reader.id, `键盘拒绝 ${tag}`, "PENDING");
    await page.goto(`/admin/comments?q=${tag}`);
    const row = page.getByTestId("moderation-row");
    await expect(row).toHaveCount(1);
    const box = page.getByLabel("评论内容");
    await box.click();
    await expect(async () => {
      await box.fill("");
      await page.keyboard.type("jar");
      await expect(box).toHaveValue("jar", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(row).toHaveAttribute("aria-selected", "false");
    expect((await commentRow(c.id)).status).toBe("PENDING");

    await box.blur();
    await expect(async () => {
      await page.keyboard.press("j");
      await expect(row).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.press("r");
    await expect(page.getByTestId("moderation-status")).toHaveText("已拒绝 1 条评论。");
    expect((await commentRow(c.id)).status).toBe("REJECTED");
  });
});

test.describe("the queue for an admin", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("the side nav shows the pending count beside 评论审核", async ({ page }) => {
    await page.goto("/admin/users");
    const item = page.getByRole("navigation", { name: "管理功能" }).getByRole("link", { name: /评论审核/ });
    await expect(item.getByTestId("pending-comments")).toHaveText(/\d+/);
  });
});
