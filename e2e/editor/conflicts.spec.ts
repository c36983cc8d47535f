import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { authStatePath, type DemoRole } from "../auth-state";
import { liveArticle, revisionTexts } from "./saving-db";

/**
 * 保存冲突: an editor and an admin edit the same article in two browsers. The second save opens
 * the conflict dialog; 查看差异 shows both texts side by side, 保留我的 and 采用对方的 each resolve
 * it, and the history keeps every text either person typed.
 */

async function pageAs(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: authStatePath(role) });
  return context.newPage();
}

const body = (p: Page) => p.getByRole("textbox", { name: "正文" });

async function typeAtEnd(p: Page, text: string) {
  await body(p).click();
  await p.keyboard.press("Control+End");
  await p.keyboard.press("Enter");
  await p.keyboard.type(text);
}

async function saveAndWait(p: Page) {
  await p.keyboard.press("Control+s");
  await expect(p.getByTestId("save-status")).toHaveText(/已保存 \d\d:\d\d/, { timeout: 20_000 });
}

async function openEditor(p: Page, url: string) {
  await p.goto(url);
  await expect(p.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });
}

test("two people, one article: the dialog's three choices, and nothing typed is lost", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const e = await pageAs(browser, "EDITOR");
  await e.goto("/editor/articles/new");
  await e.getByRole("textbox", { name: "标题", exact: true }).fill(`e2e 保存冲突 ${stamp}`);
  await e.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await e.getByRole("button", { name: "创建草稿并开始编辑" }).click();
  await expect(e).toHaveURL(/\/editor\/articles\/(?!new)[\w-]+$/, { timeout: 20_000 });
  const url = e.url();
  const id = url.split("/").pop()!;
  await expect(e.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });

  const a = await pageAs(browser, "ADMIN");
  await openEditor(a, url);
  // presence: each sees the other within a heartbeat or two
  await expect(a.getByTestId("presence-bar")).toContainText("也在编辑此文章", { timeout: 25_000 });
  await expect(e.getByTestId("presence-bar")).toContainText("也在编辑此文章", { timeout: 25_000 });

  // round 1: the editor saves first; the admin's save is stale → the dialog, on the admin's page
  const editorText1 = `编辑甲的第一段文字 ${stamp}`;
  const adminText1 = `管理员乙的第一段文字 ${stamp}`;
  await typeAtEnd(e, editorText1);
  await saveAndWait(e);
  await typeAtEnd(a, adminText1);
  await a.keyboard.press("Control+s");
  const dialog = a.getByRole("dialog", { name: "保存冲突：文章已被他人修改" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(a.getByTestId("save-status")).toHaveText(/冲突/);
  await expect(dialog.getByRole("button", { name: "保留我的" })).toBeEnabled({ timeout: 15_000 });
  // 查看差异: both texts side by side, marked as inserted / deleted
  await dialog.getByRole("button", { name: "查看差异" }).click();
  const diff = dialog.getByTestId("diff-view");
  await expect(diff).toBeVisible();
  // the two paragraphs are alike, so they pair up: only the differing words are marked
  await expect(diff.locator("ins", { hasText: "管理员乙" }).first()).toBeVisible();
  await expect(diff.locator("del", { hasText: "编辑甲" }).first()).toBeVisible();
  await expect(diff).toContainText(`的第一段文字 ${stamp}`);
  const { violations } = await new AxeBuilder({ page: a }).include("dialog[open]").analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
  // Esc closes the dialog without choosing; 解决冲突 brings it back
  await a.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await a.getByRole("button", { name: "解决冲突" }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "保留我的" })).toBeEnabled({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "保留我的" }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(body(a)).toContainText(adminText1, { timeout: 20_000 });
  await expect.poll(async () => (await liveArticle(id)).bodyText, { timeout: 15_000 }).toContain(adminText1);

  // round 2: now the editor's tab is stale; the editor takes theirs (the admin's text)
  const editorText2 = `编辑甲的第二段文字 ${stamp}`;
  await typeAtEnd(e, editorText2);
  await e.keyboard.press("Control+s");
  const dialog2 = e.getByRole("dialog", { name: "保存冲突：文章已被他人修改" });
  await expect(dialog2).toBeVisible({ timeout: 20_000 });
  await expect(dialog2.getByRole("button", { name: "采用对方的" })).toBeEnabled({ timeout: 15_000 });
  await dialog2.getByRole("button", { name: "采用对方的" }).click();
  await expect(dialog2).toBeHidden({ timeout: 20_000 });
  await expect(body(e)).toContainText(adminText1, { timeout: 20_000 });
  await expect(body(e)).not.toContainText(editorText2);
  const live = await liveArticle(id);
  expect(live.bodyText).toContain(adminText1);
  expect(live.bodyText).not.toContain(editorText2);

  // nothing lost: every text either person typed is in the history, visible in the panel too
  const history = (await revisionTexts(id)).map((r) => r.text).join("\n");
  for (const t of [editorText1, adminText1, editorText2]) expect(history).toContain(t);
  await e.getByText("历史版本", { exact: true }).click();
  const items = e.getByTestId("revision-item");
  await expect(items.first()).toBeVisible({ timeout: 15_000 });
  // compare the version that holds the editor's second text with the current one
  const withMine = (await revisionTexts(id)).find((r) => r.text.includes(editorText2))!;
  await e
    .locator(`[data-testid="revision-item"][data-version="${withMine.version}"]`)
    .getByRole("button", { name: /与当前比较/ })
    .click();
  const panelDiff = e.getByRole("region", { name: "版本差异" });
  await expect(panelDiff).toBeVisible({ timeout: 15_000 });
  await expect(panelDiff.locator("del", { hasText: "编辑甲的第二段" }).first()).toBeVisible();
});
