import { expect, test } from "@playwright/test";
import { createAccount, formAlert, loginAs, resetLinkFor } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

const NOTICE = "如果该邮箱已注册，我们已向它发送了重置密码的链接";

test.describe("forgot and reset password", () => {
  test("forgot → mailed link → new password → login with it; the old one and the used link are refused", async ({
    page,
  }) => {
    const account = await createAccount();
    await page.goto("/login");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("邮箱").fill(account.email);
    await page.getByRole("button", { name: "发送重置链接" }).click();
    await expect(page.getByRole("status")).toContainText(NOTICE);

    const link = await resetLinkFor(account.email);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "设置新密码" })).toBeVisible();
    // the policy speaks zh-CN and keeps the link usable
    await page.getByLabel("新密码", { exact: true }).fill("password1234");
    await page.getByRole("button", { name: "设置新密码" }).click();
    await expect(page.getByLabel("新密码", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("常见密码").first()).toBeVisible();

    const newPassword = "amber tram crosses the old bridge";
    await page.getByLabel("新密码", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "设置新密码" }).click();
    await expect(page).toHaveURL(/\/login\?reset=1$/);
    await expect(page.getByRole("status")).toHaveText("密码已重置，请用新密码登录。");

    await loginAs(page, account.email, account.password);
    await expect(formAlert(page)).toHaveText("邮箱或密码错误");
    await loginAs(page, account.email, newPassword);
    await expect(page).not.toHaveURL(/\/login/);
    expect((await (await page.request.get("/api/me")).json()).user).not.toBeNull();

    await page.goto(link);
    await expect(page.getByText("重置链接无效、已使用或已过期")).toBeVisible();
    await expect(page.getByRole("link", { name: "重新申请重置链接" })).toBeVisible();
  });

  test("answers an unknown address exactly like a known one", async ({ page }) => {
    const account = await createAccount();
    const answerFor = async (email: string) => {
      await page.goto("/forgot-password");
      await page.getByLabel("邮箱").fill(email);
      await page.getByRole("button", { name: "发送重置链接" }).click();
      const status = page.getByRole("status");
      await expect(status).toContainText(NOTICE);
      return status.textContent();
    };
    expect(await answerFor(account.email)).toBe(await answerFor(`nobody-${Date.now()}@byline.test`));
  });
});
