import { expect, test, type Page } from "@playwright/test";
import { authStatePath } from "../auth-state";

/**
 * 页面管理: revisions and restore, a stale save from a second tab, the unsaved-changes warning.
 * Each test edits the body (never the title, which every page's footer shows) of its own page,
 * and puts the original text back through the UI at the end.
 */

const body = (p: Page) => p.getByRole("textbox", { name: "正文" });
const revisions = (p: Page) => p.getByTestId("revision-row");

async function openEditor(p: Page, slug: string) {
  await p.goto(`/admin/pages/${slug}`);
  await expect(p.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });
}

async function typeAtEnd(p: Page, text: string) {
  await body(p).click();
  await p.keyboard.press("Control+End");
  await p.keyboard.press("Enter");
  await p.keyboard.type(text);
}

async function saveAndWait(p: Page) {
  await p.keyboard.press("Control+s");
  await expect(p.getByTestId("save-state")).toContainText("已保存", { timeout: 20_000 });
}

/** Opens the oldest revision on the list (the seeded text, kept at the first save) and restores it. */
async function restoreOldest(p: Page, slug: string) {
  await openEditor(p, slug);
  await revisions(p).last().getByRole("link", { name: /^查看/ }).click();
  await expect(p.getByRole("heading", { level: 1, name: /^历史版本/ })).toBeVisible();
  await p.getByRole("button", { name: "恢复此版本" }).click();
  await p.getByRole("button", { name: "确认恢复" }).click();
  await expect(p).toHaveURL(new RegExp(`/admin/pages/${slug}\\?restored=1$`), { timeout: 20_000 });
  await expect(p.getByRole("status").filter({ hasText: "已恢复所选版本" })).toBeVisible();
}

test.describe("页面管理", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("lists the footer pages; a save adds a revision; restoring the older one brings its text back, publicly too", async ({
    page,
    browser,
  }) => {
    test.slow();
    await page.goto("/admin/pages");
    const rows = page.getByTestId("page-row");
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(3)).toContainText("/page/links");
    await rows.nth(3).getByRole("link", { name: /^编辑/ }).click();
    await expect(page.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 2, name: "历史版本" })).toBeVisible();
    const before = await revisions(page).count();

    const stamp = `友情链接测试文字 ${Date.now()}`;
    await typeAtEnd(page, stamp);
    await expect(page.getByTestId("save-state")).toHaveText("有未保存的修改");
    // leaving with unsaved changes asks first; dismissing stays on the page with the text
    page.once("dialog", (d) => void d.dismiss());
    await page.getByRole("link", { name: "← 页面管理" }).click();
    await expect(body(page)).toContainText(stamp);
    await expect(page).toHaveURL(/\/admin\/pages\/links$/);

    await saveAndWait(page);
    // a seeded page's first save also keeps the seeded text as the oldest revision
    await expect(revisions(page)).toHaveCount(Math.max(before + 1, 2));
    await expect(revisions(page).first()).not.toContainText("初始内容");

    const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const pub = await anon.newPage();
    await pub.goto("/page/links");
    await expect(pub.locator("article")).toContainText(stamp);

    await restoreOldest(page, "links");
    await expect(body(page)).not.toContainText(stamp);
    await expect(revisions(page)).toHaveCount(Math.max(before + 2, 3));
    await pub.goto("/page/links");
    await expect(pub.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(pub.locator("article")).not.toContainText(stamp);
    await anon.close();
  });

  test("a save from a stale second tab is refused (409) and keeps what was typed there", async ({ page }) => {
    test.slow();
    const stamp = Date.now();
    const first = `第一个标签页的修改 ${stamp}`;
    const second = `第二个标签页的修改 ${stamp}`;
    const other = await page.context().newPage();
    await openEditor(page, "changelog");
    await openEditor(other, "changelog");

    await typeAtEnd(page, first);
    await saveAndWait(page);

    await typeAtEnd(other, second);
    await other.getByRole("button", { name: "保存", exact: true }).click();
    // (Next.js' route announcer is an alert too)
    const conflict = other.getByRole("alert").filter({ hasText: "这个页面已被修改" });
    await expect(conflict).toContainText("你的修改仍在编辑器里");
    await expect(body(other)).toContainText(second);
    await expect(other.getByTestId("save-state")).toHaveText("有未保存的修改");

    // what was stored is the first tab's text, not the second's
    await other.close();
    await page.goto("/page/changelog");
    await expect(page.locator("article")).toContainText(first);
    await expect(page.locator("article")).not.toContainText(second);

    await restoreOldest(page, "changelog");
    await expect(body(page)).not.toContainText(first);
  });
});

test.describe("页面管理 for an editor", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("is not found", async ({ page }) => {
    for (const url of ["/admin/pages", "/admin/pages/privacy"]) {
      expect((await page.goto(url))?.status(), url).toBe(404);
      await expect(page.getByTestId("not-found"), url).toBeVisible();
    }
  });
});
