import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";

test.describe("site settings", () => {
  test.use({ storageState: authStatePath("ADMIN") });

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
});
