import { expect, test, type Page } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";

/**
 * 导航菜单 (issue 14): an admin adds, reorders and removes items and the public header follows on
 * the next load. Every page shows the header, so the spec runs in the site-wide project; it ends
 * with 恢复默认, and should that fail, afterAll deletes the nav.* rows itself.
 */

test.use({ storageState: authStatePath("ADMIN") });

const LABEL = "E2E 外链";

async function save(page: Page) {
  await page.getByRole("button", { name: "保存导航" }).click();
  await expect(page.getByRole("status").filter({ hasText: "导航已保存" })).toBeVisible();
}

const mainNavLinks = (page: Page) => page.getByRole("navigation", { name: "主导航" }).getByRole("link");

async function guideLabels(page: Page) {
  await page.getByRole("button", { name: "导读" }).click();
  return page.locator("a[data-guide-item] > span:first-child").allInnerTexts();
}

test.afterAll(async () => {
  await withDb((c) => c.query(`DELETE FROM site_settings WHERE key IN ('nav.guide', 'nav.header')`));
});

test("an admin edits the header links and the 导读 menu; the public header follows", async ({ page }) => {
  await page.goto("/admin/navigation");
  const header = page.getByRole("group", { name: "页头链接" });
  const guide = page.getByRole("group", { name: "「导读」菜单" });

  // add a header link that opens a new window, move it to the front; move 热门 above 专题
  await header.getByRole("button", { name: "添加一项" }).click();
  const added = header.getByTestId("nav-item").last();
  await added.getByLabel("名称").fill(LABEL);
  await added.getByLabel("网址").fill("/latest");
  await added.getByLabel("在新窗口打开").check();
  await header.getByRole("button", { name: `上移「${LABEL}」` }).click();
  await header.getByRole("button", { name: `上移「${LABEL}」` }).press("Enter"); // keyboard works too
  await guide.getByRole("button", { name: "上移「热门」" }).click();
  await save(page);

  await page.goto("/");
  const first = mainNavLinks(page).first();
  await expect(first).toHaveText(`${LABEL}（在新窗口打开）`);
  await expect(first).toHaveAttribute("href", "/latest");
  await expect(first).toHaveAttribute("target", "_blank");
  await expect(first).toHaveAttribute("rel", "noopener noreferrer");
  expect((await guideLabels(page)).slice(0, 2)).toEqual(["热门", "专题"]);

  // a javascript: URL is refused with a message on the field, nothing saved
  await page.goto("/admin/navigation");
  const item = page.getByRole("group", { name: "页头链接" }).getByTestId("nav-item").first();
  await item.getByLabel("网址").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "保存导航" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "有几项需要修改" })).toBeVisible();
  await expect(item.getByText("请填写以 / 开头的站内路径")).toBeVisible();

  // remove it again
  await page.goto("/admin/navigation");
  await page
    .getByRole("group", { name: "页头链接" })
    .getByRole("button", { name: `删除「${LABEL}」` })
    .click();
  await save(page);
  await page.goto("/");
  await expect(mainNavLinks(page).first()).toHaveText("首页");
  await expect(mainNavLinks(page).filter({ hasText: LABEL })).toHaveCount(0);

  // 恢复默认 puts today's menus back
  await page.goto("/admin/navigation");
  await page.getByRole("button", { name: "恢复默认" }).click();
  await page.getByRole("button", { name: "确认恢复" }).click();
  await expect(page.getByText("目前显示的是默认菜单")).toBeVisible();
  await page.goto("/");
  expect(await guideLabels(page)).toEqual(["专题", "热门", "RSS 订阅", "投稿"]);
});
