import { expect, test } from "@playwright/test";
import { comments } from "../../prisma/seed/data/comments";
import { publicIdFor } from "../../prisma/seed/lib/images";
import { authStatePath } from "../auth-state";
import { commentStatuses, createReader, insertComments } from "./db";

// a genuine reader question from the demo queue (the spam ones are left for people to try)
const seeded = comments.find((c) => c.key === "c-28")!;

test.describe("comment moderation", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor approves a pending seeded comment and it appears on the public article page", async ({
    page,
  }) => {
    await page.goto("/admin/comments");
    await expect(page.getByRole("heading", { name: "评论审核" })).toBeVisible();
    const pendingBefore = Number(await page.getByTestId("count-PENDING").textContent());
    const row = page.getByTestId("moderation-row").filter({ hasText: seeded.body });
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: /^通过/ }).click();
    await expect(page.getByText("已通过 1 条评论")).toBeVisible();
    await expect(page.getByTestId("moderation-row").filter({ hasText: seeded.body })).toHaveCount(0);
    await expect(page.getByTestId("count-PENDING")).toHaveText(String(pendingBefore - 1));

    // the article page is regenerated after the invalidation; the very first request may still
    // get the previous version while the new one renders (stale-while-revalidate)
    const article = `/posts/${publicIdFor(seeded.article)}`;
    await expect
      .poll(
        async () => {
          await page.goto(article);
          return page.locator("#comments").getByText(seeded.body).count();
        },
        { timeout: 20_000, intervals: [500, 1_000, 2_000] },
      )
      .toBe(1);
    await expect(page.locator("#comments").getByText(seeded.body)).toBeVisible();
  });

  test("bulk selection works from the keyboard, and deleting asks first", async ({ page }) => {
    await page.goto("/admin/comments?status=REJECTED");
    await expect(page.getByRole("heading", { name: "评论审核" })).toBeVisible();
    await page.goto("/admin/comments");
    const first = page.getByTestId("moderation-row").first();
    const box = first.getByRole("checkbox");
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
    await expect(page.getByText("已选 1 条")).toBeVisible();
    await page.getByRole("button", { name: "批量删除" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("确定删除 1 条评论吗");
    await page.getByRole("button", { name: "取消" }).click();
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await expect(box).toBeChecked();
  });

  test("a bulk decision from the keyboard changes every selected comment, and a bulk delete completes after confirming", async ({
    page,
  }) => {
    const reader = await createReader("批量审核测试读者");
    const tag = Math.random().toString(36).slice(2, 8);
    const bodies = [`批量恢复一 ${tag}`, `批量恢复二 ${tag}`];
    const ids = await insertComments(reader.id, bodies, "REJECTED");
    await page.goto("/admin/comments?status=REJECTED");
    const rows = page.getByTestId("moderation-row").filter({ hasText: tag });
    await expect(rows).toHaveCount(2);
    for (const body of bodies) {
      const box = rows.filter({ hasText: body }).getByRole("checkbox");
      await box.focus();
      await page.keyboard.press("Space");
      await expect(box).toBeChecked();
    }
    await expect(page.getByText("已选 2 条")).toBeVisible();
    await page.getByRole("button", { name: "批量通过" }).click();
    await expect(page.getByText("已通过 2 条评论")).toBeVisible();
    await expect(rows).toHaveCount(0);
    expect(await commentStatuses(ids)).toEqual(["APPROVED", "APPROVED"]);

    // the same two, now approved: a bulk delete asks, then deletes both
    await page.goto("/admin/comments?status=APPROVED");
    const approved = page.getByTestId("moderation-row").filter({ hasText: tag });
    await expect(approved).toHaveCount(2);
    for (const body of bodies) await approved.filter({ hasText: body }).getByRole("checkbox").check();
    await page.getByRole("button", { name: "批量删除" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("确定删除 2 条评论吗");
    await page.getByRole("button", { name: "确认删除" }).click();
    await expect(page.getByText("已删除 2 条评论")).toBeVisible();
    await expect(approved).toHaveCount(0);
    expect(await commentStatuses(ids)).toEqual(["DELETED", "DELETED"]);
  });
});
