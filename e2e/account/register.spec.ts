import { expect, test } from "@playwright/test";
import { formAlert, loginAs, solveCaptcha } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

test("registration needs the captcha: a wrong answer is refused and replaced, the right one registers", async ({
  page,
}) => {
  const email = `new-${Date.now()}@byline.test`;
  const password = "seven herons over the salt marsh";
  await page.goto("/register");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("昵称").fill("新读者");
  await page.getByLabel("密码", { exact: true }).fill(password);

  const image = page.getByRole("img", { name: /图形验证码/ });
  await expect(image).toBeVisible();
  const imageRes = await page.request.get((await image.getAttribute("src"))!);
  expect(imageRes.headers()["content-type"]).toContain("image/svg+xml");
  expect(imageRes.headers()["cache-control"]).toContain("no-store");

  // 换一张 gives a new captcha
  const first = await page.locator('input[name="captchaToken"]').inputValue();
  await page.getByRole("button", { name: "换一张" }).click();
  await expect(page.locator('input[name="captchaToken"]')).not.toHaveValue(first);

  await page.getByLabel("图形验证码").fill("WRONG");
  const spent = await page.locator('input[name="captchaToken"]').inputValue();
  await page.getByRole("button", { name: "注册" }).click();
  await expect(formAlert(page)).toContainText("图形验证码不正确");
  // what was typed is kept (never the password), and a fresh captcha replaces the spent one
  await expect(page.getByLabel("邮箱")).toHaveValue(email);
  await expect(page.locator('input[name="captchaToken"]')).not.toHaveValue(spent);

  await page.getByLabel("密码", { exact: true }).fill(password);
  await solveCaptcha(page);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/login\?registered=1$/);

  await loginAs(page, email, password);
  await expect(page).not.toHaveURL(/\/login/);
});
