import { expect, test, type Page } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";

/**
 * Issue 14 acceptance: an admin edits the 隐私政策 page's title and body in the page editor; the
 * footer link and /page/privacy show them on the next load, signed out too. The footer is on every
 * page, so this runs in the site-wide project, and restores the original revision through the UI.
 */

const ORIGINAL_TITLE = "隐私政策";

function footerLink(p: Page, name: string) {
  return p.locator("footer").getByRole("link", { name, exact: true });
}

/** Safety net for a failed run: the seeded text back from the oldest revision (no cache invalidation). */
async function resetFromDb() {
  await withDb(async (c) => {
    await c.query(
      `UPDATE pages p SET title = r.title, body = r.body, "bodyHtml" = r."bodyHtml", version = p.version + 1
       FROM (SELECT title, body, "bodyHtml" FROM page_revisions WHERE "pageId" = (SELECT id FROM pages WHERE slug = 'privacy')
             ORDER BY "createdAt", id LIMIT 1) r
       WHERE p.slug = 'privacy' AND p.title <> $1`,
      [ORIGINAL_TITLE],
    );
  });
}

test.use({ storageState: authStatePath("ADMIN") });

test("an admin edits 隐私政策: the footer link and /page/privacy show the new title and text, signed out too", async ({
  page,
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const title = `隐私政策（修订 ${stamp}）`;
  const text = `我们更新了隐私政策：评论中的 IP 地址只保留 30 天。${stamp}`;
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const reader = await anon.newPage();
  try {
    // loaded (and so cached: the in-process page cache, Next.js' cache) before the edit
    for (const url of ["/", "/page/privacy"]) {
      await reader.goto(url);
      await expect(footerLink(reader, ORIGINAL_TITLE)).toHaveAttribute("href", "/page/privacy");
    }
    await expect(reader.getByRole("heading", { level: 1, name: ORIGINAL_TITLE, exact: true })).toBeVisible();

    await page.goto("/admin/pages/privacy");
    await expect(page.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });
    await page.getByRole("textbox", { name: /^标题/ }).fill(title);
    const body = page.getByRole("textbox", { name: "正文" });
    await body.click();
    await page.keyboard.press("Control+a");
    await page.keyboard.type(text);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByTestId("save-state")).toContainText("已保存", { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

    await reader.goto("/");
    await expect(footerLink(reader, title)).toHaveAttribute("href", "/page/privacy");
    await footerLink(reader, title).click();
    await expect(reader).toHaveURL(/\/page\/privacy$/);
    await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(reader.locator("article")).toContainText(text);
    await expect(reader.locator("article")).not.toContainText("## ");

    // back to the seeded page: its oldest revision, restored through the UI
    await page.goto("/admin/pages/privacy");
    await page.getByTestId("revision-row").last().getByRole("link", { name: /^查看/ }).click();
    await page.getByRole("button", { name: "恢复此版本" }).click();
    await page.getByRole("button", { name: "确认恢复" }).click();
    await expect(page).toHaveURL(/\/admin\/pages\/privacy\?restored=1$/, { timeout: 20_000 });

    await reader.goto("/page/privacy");
    await expect(reader.getByRole("heading", { level: 1, name: ORIGINAL_TITLE, exact: true })).toBeVisible();
    await expect(reader.locator("article")).not.toContainText(text);
    await expect(footerLink(reader, ORIGINAL_TITLE)).toHaveAttribute("href", "/page/privacy");
  } finally {
    await anon.close();
    await resetFromDb();
  }
});
