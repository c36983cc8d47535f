import { expect, test } from "@playwright/test";
import { solveCaptcha } from "../account/helpers";
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
    // the captcha appears only for signed-in readers (fetched after load: the page stays cacheable)
    await expect(form.getByLabel("图形验证码")).toHaveCount(0);
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
      const form = page.getByTestId("comment-form");
      const box = form.getByRole("textbox", { name: /的身份评论/ });
      await expect(box).toBeEnabled();
      await box.fill(body);

      // a wrong captcha is refused, the text stays, a new picture is offered
      await expect(form.locator('input[name="captchaToken"]')).not.toHaveValue("");
      const firstToken = await form.locator('input[name="captchaToken"]').inputValue();
      await form.getByLabel("图形验证码").fill("WRONG");
      await form.getByRole("button", { name: "发表评论" }).click();
      await expect(form.getByText("验证码不正确或已过期")).toBeVisible();
      await expect(box).toHaveValue(body);
      await expect(form.locator('input[name="captchaToken"]')).not.toHaveValue(firstToken);

      await solveCaptcha(page);
      await form.getByRole("button", { name: "发表评论" }).click();
      await expect(page.getByText("评论已提交，审核通过后将显示在这里。")).toBeVisible();
      await expect(box).toHaveValue("");
      await page.reload();
      await expect(page.getByText(body)).toHaveCount(0);
    });
  });
});
