import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { createReader } from "./db";
import { bansOf, commentRow, insertComment, insertReport } from "./moderation-db";

test.describe("reports and bans", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("the 被举报 filter shows a reported comment with its reasons; 通过 dismisses the reports", async ({
    page,
  }) => {
    const author = await createReader("被举报的读者");
    const tag = Math.random().toString(36).slice(2, 8);
    const c = await insertComment(author.id, `被举报的评论 ${tag}`, "APPROVED");
    await insertReport(c.id, (await createReader("举报人一")).id, "spam");
    await insertReport(c.id, (await createReader("举报人二")).id, "other", `冒充客服 ${tag}`);

    await page.goto("/admin/comments");
    await page
      .getByRole("navigation", { name: "按状态筛选" })
      .getByRole("link", { name: /被举报/ })
      .click();
    await expect(page).toHaveURL(/status=REPORTED/);
    const row = page.getByTestId("moderation-row").filter({ hasText: tag });
    await expect(row).toHaveCount(1);
    const summary = row.getByTestId("report-summary");
    await expect(summary).toContainText("举报 2 次");
    await expect(summary).toContainText("垃圾广告 ×1");
    await expect(summary).toContainText("其他 ×1");
    await expect(summary).toContainText(`冒充客服 ${tag}`);
    await expect(row.getByTestId("author-history")).toContainText("被举报 1");

    await row.getByRole("button", { name: /^通过/ }).click();
    await expect(page.getByTestId("moderation-status")).toHaveText("已通过 1 条评论。");
    await expect(row).toHaveCount(0);
    expect(await commentRow(c.id)).toMatchObject({ status: "APPROVED", openReports: 0 });
  });

  test("a ban from a queue row shows on the row and on 禁言名单, and 解除 lifts it", async ({ page }) => {
    const author = await createReader(`禁言读者${Math.random().toString(36).slice(2, 6)}`);
    const tag = Math.random().toString(36).slice(2, 8);
    await insertComment(author.id, `待禁言者的评论 ${tag}`, "PENDING");
    await page.goto(`/admin/comments?q=${tag}`);
    const row = page.getByTestId("moderation-row").filter({ hasText: tag });
    await row.getByRole("button", { name: /^禁言/ }).click();
    const form = page.getByTestId("ban-form");
    await form.getByLabel("禁言时长").selectOption("30d");
    await form.getByRole("button", { name: "确认禁言" }).click();
    await expect(form.getByRole("alert")).toContainText("请填写此项");
    expect(await bansOf(author.id)).toEqual([]);
    await form.getByLabel(/原因/).fill("多次发布广告链接");
    await form.getByRole("button", { name: "确认禁言" }).click();
    await expect(form).toContainText("已禁言");
    await expect(row.getByTestId("author-history")).toContainText("已禁言（至");
    const [ban] = await bansOf(author.id);
    expect(ban).toMatchObject({ reason: "多次发布广告链接", liftedAt: null });
    const days = (new Date(ban!.expiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    await page.goto("/admin/comments");
    await page.getByRole("link", { name: "禁言名单" }).click();
    const banRow = page.getByTestId("ban-row").filter({ hasText: "多次发布广告链接" });
    await expect(banRow).toHaveCount(1);
    await banRow.getByRole("button", { name: /^解除/ }).click();
    await expect(banRow).toHaveCount(0);
    await expect.poll(async () => (await bansOf(author.id))[0]!.liftedAt).not.toBeNull();
  });
});
