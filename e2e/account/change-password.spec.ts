import { expect, test } from "@playwright/test";
import { createAccount, loginAs } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

test("changing the password keeps this browser signed in and ends the other session", async ({
  page,
  browser,
}) => {
  const account = await createAccount();
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  await loginAs(otherPage, account.email, account.password);
  await expect(otherPage).not.toHaveURL(/\/login/);

  await loginAs(page, account.email, account.password);
  await expect(page).not.toHaveURL(/\/login/);
  // linked from the header's account menu
  await page.goto("/");
  await page
    .locator("header")
    .getByRole("button", { name: /账户菜单/ })
    .click();
  await expect(page.getByRole("link", { name: "账号安全" })).toHaveAttribute("href", "/me/security");
  await page.goto("/me/security");

  await page.getByLabel("当前密码").fill("not my password");
  await page.getByLabel("新密码", { exact: true }).fill("copper kettle sings at midnight");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确。").first()).toBeVisible();
  await expect(page.getByLabel("当前密码")).toBeFocused();

  await page.getByLabel("当前密码").fill(account.password);
  await page.getByLabel("新密码", { exact: true }).fill("copper kettle sings at midnight");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/me\/security\?changed=1$/);
  await expect(page.getByRole("status").filter({ hasText: "密码已修改" })).toBeVisible();

  expect((await (await page.request.get("/api/me")).json()).user).not.toBeNull();
  expect((await (await otherPage.request.get("/api/me")).json()).user).toBeNull();
  await other.close();

  await page.context().clearCookies();
  await loginAs(page, account.email, "copper kettle sings at midnight");
  await expect(page).not.toHaveURL(/\/login/);
});

test("the security page asks anonymous visitors to log in", async ({ page }) => {
  await page.goto("/me/security");
  await expect(page).toHaveURL(/\/login\?next=%2Fme%2Fsecurity$/);
});
