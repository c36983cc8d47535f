import { expect, test, type Browser } from "@playwright/test";
import { authStatePath, type DemoRole } from "../auth-state";
import { expectNoSeriousA11yViolations } from "../public/helpers";

const SOURCE = [
  "Researchers disclosed a remote code execution flaw in a popular VPN appliance.",
  "The bug lets an unauthenticated attacker run commands as root.",
  "The vendor released patches and urged customers to update now.",
].join("\n\n");

async function pageAs(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: authStatePath(role) });
  return context.newPage();
}

/** Creates a translation draft through the 新建文章 form and returns the editor URL. */
async function createTranslation(page: Awaited<ReturnType<typeof pageAs>>, title: string) {
  await page.goto("/editor/articles/new");
  await page.getByRole("radio", { name: /译文/ }).check();
  await page.getByRole("textbox", { name: "标题", exact: true }).fill(title);
  await page.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await page.getByRole("textbox", { name: "原文链接" }).fill("https://example.com/vpn-rce");
  await page.getByRole("textbox", { name: "原文标题" }).fill("VPN appliance RCE disclosed");
  await page.getByRole("textbox", { name: "原作者" }).fill("Jane Doe");
  await page.getByRole("textbox", { name: "来源站点" }).fill("Example News");
  await page.getByRole("textbox", { name: "原文全文" }).fill(SOURCE);
  await page.getByRole("button", { name: "创建草稿并开始编辑" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/(?!new)[\w-]+$/, { timeout: 20_000 });
  // the workspace streams in after the redirect; the editor is ready once its toolbar is
  await expect(page.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });
  return page.url();
}

test("a translator drafts beside the source, saves and submits; an editor publishes it", async ({
  browser,
}) => {
  // two people, four pages and a publish: more than the default 30 s on a busy machine
  test.setTimeout(120_000);
  const title = `e2e 译文 VPN 漏洞 ${Date.now()}`;
  const t = await pageAs(browser, "TRANSLATOR");
  await createTranslation(t, title);

  // side-by-side: the English source, paragraph by paragraph, next to the editor
  const pane = t.getByTestId("source-pane");
  await expect(pane).toBeVisible();
  await expect(pane.locator("[data-para]")).toHaveCount(3);
  await expect(pane).toContainText("run commands as root");
  const editor = t.getByRole("textbox", { name: "译文正文" });
  await editor.click();
  await t.keyboard.type("研究人员披露了一款流行 VPN 设备中的远程代码执行漏洞。");
  await t.keyboard.press("Enter");
  await t.keyboard.type("未经身份验证的攻击者可以以 root 身份执行命令。");
  await t.getByRole("textbox", { name: "导语" }).fill("厂商已发布补丁，建议立即更新。");
  await t.keyboard.press("Control+s");
  await expect(t.getByTestId("save-status")).toHaveText(/已保存 \d\d:\d\d/);
  await expectNoSeriousA11yViolations(t);

  // translators may not publish: the buttons are not offered (and the service would refuse)
  await expect(t.getByRole("button", { name: "发布", exact: true })).toHaveCount(0);
  await t.getByRole("button", { name: "提交审核" }).click();
  await t.getByRole("dialog", { name: "提交审核" }).getByRole("button", { name: "提交审核" }).click();
  await expect(t.getByText("稿件正在审核中，暂时只读")).toBeVisible();

  const e = await pageAs(browser, "EDITOR");
  await e.goto("/editor/review");
  await e.getByRole("link", { name: title }).click();
  // the editor page loads tiptap on first visit: allow for a loaded 2-core CI machine
  await expect(e.getByRole("textbox", { name: "标题", exact: true })).toHaveValue(title, { timeout: 20_000 });
  await e.getByRole("button", { name: "发布", exact: true }).click();
  await expect(e.getByText("已发布", { exact: true }).first()).toBeVisible();
  const href = await e.getByRole("link", { name: "查看文章" }).getAttribute("href");
  expect(href).toMatch(/^\/posts\/[a-z0-9]+$/);

  const reader = await browser.newPage();
  await reader.goto(href!);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByTestId("article")).toContainText("以 root 身份执行命令");
  await expect(reader.getByTestId("article")).toContainText("VPN appliance RCE disclosed");
});

test("another translator cannot open someone else's draft", async ({ browser }) => {
  test.setTimeout(60_000);
  const t = await pageAs(browser, "TRANSLATOR");
  const url = await createTranslation(t, `e2e 私有草稿 ${Date.now()}`);
  const c = await pageAs(browser, "CONTRIBUTOR");
  await c.goto(url);
  await expect(c.getByTestId("not-found")).toBeVisible();
  await expect(c.getByText("私有草稿")).toHaveCount(0);
});
