import { expect, test } from "@playwright/test";
import { authStatePath, demoAccount } from "../auth-state";
import { createReader } from "./db";

test.describe("admin user management", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("finds the seeded reader by email, case-insensitively, and by role filter", async ({ page }) => {
    const reader = demoAccount("READER");
    await page.goto(`/admin/users?q=${encodeURIComponent(reader.email.toUpperCase())}`);
    const rows = page.getByTestId("user-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(reader.email);
    await expect(rows.first()).toContainText("读者");
    await page.getByLabel("角色").selectOption("ADMIN");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page.getByText("没有符合条件的用户")).toBeVisible();
  });

  test("suspends a reader with a required reason, reactivates them, and the audit log shows both", async ({
    page,
  }) => {
    const name = `停用测试${Date.now().toString(36)}`;
    const user = await createReader(name);
    await page.goto("/admin/users");
    await page.getByLabel("邮箱或昵称").fill(name.toLowerCase());
    await page.getByRole("button", { name: "搜索" }).click();
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/users/${user.id}$`));
    const facts = page.getByTestId("user-facts");
    await expect(facts).toContainText("正常");

    await page.getByRole("button", { name: "停用账号" }).click();
    await page.getByRole("button", { name: "确认停用账号" }).click();
    await expect(page.getByText("请填写此项。")).toBeVisible();
    await page.getByLabel(/停用原因/).fill("批量发布广告评论");
    await page.getByRole("button", { name: "确认停用账号" }).click();
    await expect(facts).toContainText("已停用");
    await expect(facts).toContainText("批量发布广告评论");

    await page.getByRole("button", { name: "恢复账号" }).click();
    await page.getByLabel(/恢复原因/).fill("申诉核实后恢复");
    await page.getByRole("button", { name: "确认恢复账号" }).click();
    await expect(facts).toContainText("正常");
    await expect(facts).toContainText("申诉核实后恢复");

    await page.getByRole("link", { name: "查看与此用户有关的审计记录" }).click();
    const rows = page.getByTestId("audit-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("恢复账号");
    await expect(rows.nth(1)).toContainText("停用账号");
    await expect(rows.nth(1)).toContainText("批量发布广告评论");
    await expect(rows.nth(1)).toContainText("系统管理员");
    // the IP is stamped by our server from the socket: loopback here
    await expect(rows.nth(1).getByRole("cell").last()).toHaveText(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
  });

  test("an admin cannot change their own role", async ({ page }) => {
    await page.goto(`/admin/users?q=${encodeURIComponent(demoAccount("ADMIN").email)}`);
    await page.getByTestId("user-row").getByRole("link").click();
    await expect(page.getByText("不能修改自己的角色")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存角色" })).toHaveCount(0);
  });
});

test.describe("admin area, editor", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor gets the not-found page for users, and sees only 评论审核 and 标签管理 in the admin nav", async ({
    page,
  }) => {
    await page.goto("/admin/users");
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByTestId("user-row")).toHaveCount(0);
    await page.goto("/admin/comments");
    const nav = page.getByRole("navigation", { name: "管理功能" });
    await expect(nav.getByRole("link")).toHaveText([/^评论审核/, "标签管理"]); // with the pending count
    for (const path of [
      "/admin/audit",
      "/admin/categories",
      "/admin/settings",
      "/admin/pages",
      "/admin/transfer",
    ]) {
      await page.goto(path);
      await expect(page.getByTestId("not-found")).toBeVisible();
    }
  });
});
