import { expect, test } from "@playwright/test";
import { createAccount, formAlert, loginAs } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

// The lift after the wait is tested with a moved clock in lib/services/accounts/authenticate-user.int.test.ts.
test("after 5 wrong passwords even the right one is refused, with a zh-CN time to retry", async ({
  page,
}) => {
  const account = await createAccount();
  for (let i = 0; i < 4; i++) {
    await loginAs(page, account.email, `wrong guess ${i}`);
    await expect(formAlert(page)).toHaveText("邮箱或密码错误");
  }
  // the 5th failure starts the block, and says so
  await loginAs(page, account.email, "wrong guess 4");
  await expect(formAlert(page)).toHaveText("尝试次数过多，请在 10 分钟后再试。");
  await loginAs(page, account.email, account.password);
  await expect(formAlert(page)).toHaveText(/^尝试次数过多，请在 (10|9) 分钟后再试。$/);
  await expect(page).toHaveURL(/\/login/);
  expect((await (await page.request.get("/api/me")).json()).user).toBeNull();
});
