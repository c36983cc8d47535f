import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { authStatePath, type DemoRole } from "../auth-state";

/**
 * 审核附言与退回原因: a translator submits with a note, the editor reads it in the queue and
 * sends the article back with a reason, the translator finds the reason in 流转记录 and a notice
 * behind the bell, and submits again.
 */

async function pageAs(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: authStatePath(role) });
  return context.newPage();
}

async function expectDialogAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include("dialog[open]").analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => v.id)).toEqual([]);
}

async function createDraft(page: Page, title: string) {
  await page.goto("/editor/articles/new");
  await page.getByRole("textbox", { name: "标题", exact: true }).fill(title);
  await page.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await page.getByRole("button", { name: "创建草稿并开始编辑" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/(?!new)[\w-]+$/, { timeout: 20_000 });
  await expect(page.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("textbox", { name: "正文", exact: true }).click();
  await page.keyboard.type("某 VPN 设备存在远程代码执行漏洞，厂商已发布补丁。");
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 \d\d:\d\d/, { timeout: 15_000 });
  return page.url();
}

test("submit with a note → sent back with a reason → the translator sees it and resubmits", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const title = `e2e 审核附言 ${stamp}`;
  const note = `第二段的译法还不确定 ${stamp}`;
  const reason = `请核对 CVE 编号并补充影响版本 ${stamp}`;

  const t = await pageAs(browser, "TRANSLATOR");
  const url = await createDraft(t, title);
  await t.getByRole("button", { name: "提交审核" }).click();
  const submit = t.getByRole("dialog", { name: "提交审核" });
  await expect(submit).toBeVisible();
  await submit.getByLabel(/给审核编辑的附言/).fill(note);
  await expectDialogAccessible(t);
  await submit.getByRole("button", { name: "提交审核" }).click();
  await expect(t.getByText("稿件正在审核中，暂时只读")).toBeVisible({ timeout: 20_000 });

  const e = await pageAs(browser, "EDITOR");
  await e.goto("/editor/review");
  const row = e.getByTestId("article-list").getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText(`附言：${note}`);
  await row.getByRole("link", { name: title }).click();
  await expect(e.getByRole("textbox", { name: "标题", exact: true })).toHaveValue(title, { timeout: 20_000 });
  await expect(e.getByTestId("history-panel")).toContainText(note, { timeout: 15_000 });
  await e.getByRole("button", { name: "退回修改" }).click();
  const back = e.getByRole("dialog", { name: "退回修改" });
  // the reason is required: an empty one is refused in place
  await back.getByRole("button", { name: "退回修改" }).click();
  await expect(back.getByRole("alert")).toContainText("请填写原因");
  await back.getByLabel("退回原因").fill(reason);
  await expectDialogAccessible(e);
  await back.getByRole("button", { name: "退回修改" }).click();
  await expect(e.getByTestId("history-panel")).toContainText(reason, { timeout: 20_000 });

  // the translator: a notice behind the bell, the reason in the history
  await t.goto("/");
  const bell = t.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("aria-label", /条未读/, { timeout: 15_000 });
  await bell.click();
  await expect(t).toHaveURL(/\/me\/notifications$/);
  const notice = t.getByTestId("notification-list").getByRole("listitem").filter({ hasText: title });
  await expect(notice).toContainText(reason);
  await notice.getByRole("link", { name: new RegExp(title) }).click();
  await expect(t).toHaveURL(url, { timeout: 20_000 });
  const history = t.getByTestId("history-panel");
  await expect(history).toContainText("审核中 → 草稿", { timeout: 15_000 });
  await expect(history).toContainText(reason);

  // fixed, and sent again (no note this time)
  await expect(t.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });
  await t.getByRole("button", { name: "提交审核" }).click();
  await t.getByRole("dialog", { name: "提交审核" }).getByRole("button", { name: "提交审核" }).click();
  await expect(t.getByText("稿件正在审核中，暂时只读")).toBeVisible({ timeout: 20_000 });
  await expect(t.getByTestId("history-panel").getByRole("listitem")).toHaveCount(3, { timeout: 15_000 });
});
