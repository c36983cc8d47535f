import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { authStatePath, demoAccount, loginThroughForm } from "../auth-state";
import { query } from "../authz/server-actions";

/**
 * 投稿往返: a reader contributes, an editor returns it with a reason, the reader reads the
 * reason, edits and resubmits, the editor declines it with a reason, the reader reads that.
 * A fresh reader of its own, so other specs' sessions are untouched.
 */

async function freshReader(): Promise<{ email: string; password: string }> {
  const { email: demoEmail, password } = demoAccount("READER");
  const [demo] = await query<{ passwordHash: string }>('select "passwordHash" from users where email = $1', [
    demoEmail,
  ]);
  const id = `e2e-${crypto.randomUUID()}`;
  const email = `loop-${crypto.randomBytes(4).toString("hex")}@byline.test`;
  await query(
    "insert into users (id, email, \"passwordHash\", role, status, \"updatedAt\") values ($1, $2, $3, 'READER', 'ACTIVE', now())",
    [id, email, demo!.passwordHash],
  );
  await query(
    'insert into profiles ("userId", "publicId", "displayName", "updatedAt") values ($1, $2, $3, now())',
    [id, crypto.randomBytes(4).toString("hex"), "往返测试读者"],
  );
  return { email, password };
}

async function expectDialogAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include("dialog[open]").analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => v.id)).toEqual([]);
}

/** The editor opens the contribution from the queue (marked 投稿) and decides with a reason. */
async function decide(browser: Browser, title: string, button: "退回修改" | "不予采用", reason: string) {
  const e = await (await browser.newContext({ storageState: authStatePath("EDITOR") })).newPage();
  await e.goto("/editor/review");
  const row = e.getByTestId("article-list").getByRole("listitem").filter({ hasText: title });
  await expect(row.getByText("投稿", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: title }).click();
  await expect(e.getByRole("textbox", { name: "标题", exact: true })).toHaveValue(title, { timeout: 20_000 });
  await e.getByRole("button", { name: button }).click();
  const dialog = e.getByRole("dialog", { name: button });
  await dialog.getByRole("textbox").fill(reason);
  await expectDialogAccessible(e);
  await dialog.getByRole("button", { name: button }).click();
  await expect(e.getByTestId("history-panel")).toContainText(reason, { timeout: 20_000 });
  await e.context().close();
}

test("contribute → returned with a reason → edited and resubmitted → declined with a reason", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = crypto.randomBytes(3).toString("hex");
  const title = `往返：日志审计的盲区 ${stamp}`;
  const returned = `请补充一个真实的检测规则示例 ${stamp}`;
  const declined = `选题与近期稿件重复，暂不采用 ${stamp}`;
  const reader = await freshReader();
  await loginThroughForm(page, reader.email, reader.password, "/contribute");
  const form = page.getByTestId("contribute-form");
  await form.getByLabel("标题").fill(title);
  await form.getByLabel("栏目").selectOption({ index: 1 });
  await form.getByLabel(/导语/).fill("日志审计常常漏掉三类事件，本文逐一说明。");
  await form
    .getByLabel(/正文/)
    .fill(
      [
        "第一类是服务账号的登录，它们往往被默认排除在告警之外。".repeat(3),
        "第二类是计划任务的变更。".repeat(4),
      ].join("\n\n"),
    );
  await page.getByRole("button", { name: "提交投稿" }).click();
  await expect(page).toHaveURL(/\/me\/contributions\?submitted=1$/, { timeout: 20_000 });

  await decide(browser, title, "退回修改", returned);

  await page.goto("/me/contributions");
  const row = page.getByTestId("contribution-list").getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText(`退回原因：${returned}`);
  await row.getByRole("link", { name: /修改后重新提交/ }).click();
  await expect(page.getByTestId("return-reason")).toContainText(returned);
  await expect(form.getByLabel("标题")).toHaveValue(title);
  await expect(form.getByLabel(/正文/)).toHaveValue(/第二类是计划任务的变更。/);
  const body = form.getByLabel(/正文/);
  await body.fill(`${await body.inputValue()}\n\n示例：对服务账号的交互式登录单独告警。`);
  await form.getByLabel(/给编辑的附言/).fill("已补充示例。");
  await page.getByRole("button", { name: "重新提交" }).click();
  await expect(page).toHaveURL(/\/me\/contributions\?resubmitted=1$/, { timeout: 20_000 });
  await expect(row).toContainText("审核中");

  await decide(browser, title, "不予采用", declined);

  await page.goto("/me/contributions");
  await expect(row).toContainText(`不予采用的原因：${declined}`);
  await expect(row.getByRole("link", { name: /修改后重新提交/ })).toHaveCount(0);
  await page.goto("/me/notifications");
  const notices = page.getByTestId("notification-list");
  await expect(notices).toContainText(`你的投稿《${title}》未被采用`);
  await expect(notices).toContainText(`你的投稿《${title}》需要修改`);
});
