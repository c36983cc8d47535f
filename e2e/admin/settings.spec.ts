import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";

test.describe("site settings", () => {
  test.use({ storageState: authStatePath("ADMIN") });
  // one after another: a save writes every field of the form, and the tests read what others save
  test.describe.configure({ mode: "default" });

  test("an admin changes the ICP number and the public footer shows it", async ({ page }) => {
    const icp = `京ICP备2026${String(Date.now()).slice(-6)}号-9`;
    await page.goto("/admin/settings");
    const form = page.getByTestId("settings-form");
    await form.getByLabel("ICP 备案号").fill(icp);
    await form.getByRole("button", { name: "保存设置" }).click();
    await expect(form.getByText("设置已保存")).toBeVisible();
    await page.reload();
    await expect(form.getByLabel("ICP 备案号")).toHaveValue(icp);

    await page.goto("/");
    await expect(page.locator("footer").getByRole("link", { name: icp })).toBeVisible();
  });

  test("the form is grouped in sections and links to the comment rules instead of repeating them", async ({
    page,
  }) => {
    await page.goto("/admin/settings");
    const form = page.getByTestId("settings-form");
    for (const name of ["基本信息", "品牌", "页脚", "赞赏", "注册与安全"])
      await expect(form.getByRole("group", { name })).toBeVisible();
    await page.getByRole("link", { name: "评论规则" }).click();
    await expect(page).toHaveURL(/\/admin\/comments\/rules$/);
  });

  test("a title template without %s is refused with a zh-CN message and nothing is saved", async ({
    page,
  }) => {
    await page.goto("/admin/settings");
    const form = page.getByTestId("settings-form");
    await form.getByLabel("网页标题模板", { exact: true }).fill("没有占位符的标题");
    await form.getByRole("button", { name: "保存设置" }).click();
    await expect(form.getByRole("alert")).toContainText("必须包含且只包含一个 %s");
    // what was typed stays, so it can be corrected
    await expect(form.getByLabel("网页标题模板", { exact: true })).toHaveValue("没有占位符的标题");
    // the refused template is not stored (another spec may save the form meanwhile: csp.spec.ts)
    const stored = await withDb(
      async (c) =>
        (await c.query(`SELECT value FROM site_settings WHERE key = 'site.titleTemplate'`)).rows as {
          value: unknown;
        }[],
    );
    expect(stored.map((r) => r.value)).not.toContain("没有占位符的标题");
  });

  test("an SVG logo is refused by the media pipeline with a message; nothing is chosen", async ({ page }) => {
    await page.goto("/admin/settings");
    const field = page.getByTestId("setting-logoMediaId");
    await field.getByLabel("网站 Logo", { exact: true }).setInputFiles({
      name: "logo.svg",
      mimeType: "image/svg+xml",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    await expect(field.getByRole("alert")).toContainText("SVG");
    await expect(field.locator('input[type="hidden"]')).toHaveValue("");
  });
});
