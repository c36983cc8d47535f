import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { expectNoSeriousA11yViolations } from "../public/helpers";
import { sendImage } from "./flow-helpers";

test.use({ storageState: authStatePath("TRANSLATOR") });

/** The figure dialog opens on an uploaded image to ask for its alt text. */
async function describeImage(page: Page, alt: string, checkA11y = false) {
  const dialog = page.getByRole("dialog", { name: "编辑图片" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.locator("img")).toHaveAttribute("src", /^\/media\//);
  if (checkA11y) await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("textbox", { name: /替代文本/ }).fill(alt);
  await dialog.getByRole("button", { name: "更新图片" }).click();
  await expect(dialog).toBeHidden();
}

test("a translator writes with every block type, pastes and drops images, links by search, saves", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const title = `e2e 写作 ${Date.now()}`;
  await page.goto("/editor/articles/new");
  await page.getByRole("radio", { name: "原创" }).check();
  await page.getByRole("textbox", { name: "标题", exact: true }).fill(title);
  await page.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await page.getByRole("button", { name: "创建草稿并开始编辑" }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/(?!new)[\w-]+$/, { timeout: 20_000 });
  const toolbar = page.getByRole("toolbar", { name: "正文格式" });
  await expect(toolbar).toBeVisible({ timeout: 20_000 });
  const button = (name: string) => toolbar.getByRole("button", { name, exact: true });
  const editor = page.getByRole("textbox", { name: "正文" });
  const kb = page.keyboard;

  await editor.click();
  await button("二级标题").click();
  await kb.type("概述");
  await kb.press("Enter");
  await kb.type("研究人员披露了漏洞，");
  await button("删除线").click();
  await expect(button("删除线")).toHaveAttribute("aria-pressed", "true");
  await kb.type("旧说法");
  await button("删除线").click();
  await kb.type("已经过时。");
  await kb.press("Enter");
  await button("无序列表").click();
  await kb.type("第一项");
  await kb.press("Enter");
  await kb.type("第二项");
  await kb.press("Enter");
  await kb.press("Enter");
  await button("有序列表").click();
  await kb.type("备份配置");
  await kb.press("Enter");
  await kb.press("Enter");
  await button("引用").click();
  await kb.type("厂商建议立即更新。");
  await kb.press("Enter");
  await button("引用").click();
  await button("代码块").click();
  await kb.type("curl -k https://vpn.example/status");
  for (let i = 0; i < 3; i++) await kb.press("Enter");
  await button("插入分隔线").click();

  // a link to one of our published (seeded) articles, found by a word of its title
  await kb.type("相关报道：");
  await kb.press("Control+k");
  const linkDialog = page.getByRole("dialog", { name: "插入链接" });
  await linkDialog.getByRole("combobox", { name: "搜索本站文章" }).fill("暗桥");
  const option = linkDialog.getByRole("option", { name: /暗桥/ });
  await expect(option).toBeVisible({ timeout: 15_000 });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expectNoSeriousA11yViolations(page);
  await kb.press("Enter");
  await expect(linkDialog).toBeHidden();
  const link = editor.locator('a[href^="/posts/"]');
  await expect(link).toContainText("暗桥");
  await kb.press("End");
  await kb.press("Enter");

  // a screenshot pasted from the clipboard: uploaded, then a figure that asks for its alt text
  await sendImage(editor, "paste");
  await describeImage(page, "粘贴的示意图", true);
  await expect(editor.locator('figure img[alt="粘贴的示意图"]')).toHaveAttribute("src", /^\/media\//);

  // a file dropped onto the horizontal rule lands there as a second figure
  await sendImage(editor, "drop", editor.locator("hr"));
  await describeImage(page, "拖入的截图");
  await expect(editor.locator('figure img[src^="/media/"]')).toHaveCount(2);

  await editor.press("Control+End");
  await button("插入表格").click();
  await kb.type("单元格");

  // counts under the editor and the search-result preview in the side panel follow the text
  await expect(page.getByTestId("editor-stats")).toContainText(/字符 \d+.*字数 ≈ \d+.*阅读约 1 分钟/);
  await page.getByText("搜索引擎（SEO）").click();
  await expect(page.getByTestId("seo-preview")).toContainText(title);

  await kb.press("Control+s");
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 \d\d:\d\d/, { timeout: 20_000 });

  await page.reload();
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await expect(editor.locator("h2")).toHaveText("概述");
  await expect(editor.locator("s")).toHaveText("旧说法");
  await expect(editor.locator("ul > li")).toHaveText(["第一项", "第二项"]);
  await expect(editor.locator("ol > li")).toHaveText(["备份配置"]);
  await expect(editor.locator("blockquote")).toHaveText("厂商建议立即更新。");
  await expect(editor.locator("pre code")).toHaveText("curl -k https://vpn.example/status");
  await expect(editor.locator("hr")).toHaveCount(1);
  await expect(editor.locator("table").locator("th, td").first()).toHaveText("单元格");
  await expect(editor.locator('a[href^="/posts/"]')).toContainText("暗桥");
  const images = editor.locator("figure img");
  await expect(images).toHaveCount(2);
  // the dropped image sits where it was dropped: right after the rule, before the link's paragraph
  await expect(images.nth(0)).toHaveAttribute("alt", "拖入的截图");
  await expect(images.nth(1)).toHaveAttribute("alt", "粘贴的示意图");
  for (const img of await images.all()) {
    await expect(img).toHaveAttribute("src", /^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.\w+$/);
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth), { timeout: 15_000 })
      .toBeGreaterThan(0);
  }
  await expectNoSeriousA11yViolations(page);
});

test("a file that is not an image is refused with a message and inserts nothing", async ({ page }) => {
  await page.goto("/editor/articles/new");
  await page.getByRole("radio", { name: "原创" }).check();
  await page.getByRole("textbox", { name: "标题", exact: true }).fill(`e2e 拖入 PDF ${Date.now()}`);
  await page.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await page.getByRole("button", { name: "创建草稿并开始编辑" }).click();
  const editor = page.getByRole("textbox", { name: "正文" });
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.evaluate((el) => {
    const data = new DataTransfer();
    data.items.add(new File(["%PDF-1.7"], "report.pdf", { type: "application/pdf" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId("editor-notice")).toContainText("只能插入 JPEG、PNG、GIF 或 WebP 图片");
  await expect(editor.locator("figure")).toHaveCount(0);
});

test("Word's clipboard HTML pastes as clean structure, and its local picture is reported", async ({
  page,
}) => {
  const html = fs.readFileSync(
    path.resolve(import.meta.dirname, "../../lib/content/paste/fixtures/word-365.html"),
    "utf8",
  );
  await page.goto("/editor/articles/new");
  await page.getByRole("radio", { name: "原创" }).check();
  await page.getByRole("textbox", { name: "标题", exact: true }).fill(`e2e 粘贴 Word ${Date.now()}`);
  await page.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await page.getByRole("button", { name: "创建草稿并开始编辑" }).click();
  const editor = page.getByRole("textbox", { name: "正文" });
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.click();
  await editor.evaluate((el, h) => {
    const data = new DataTransfer();
    data.setData("text/html", h);
    data.setData("text/plain", "某VPN设备远程代码执行漏洞分析");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(page.getByTestId("editor-notice")).toContainText("已移除 1 张外部图片，请上传图片");
  await expect(editor.locator("h2").first()).toHaveText("某VPN设备远程代码执行漏洞分析");
  await expect(editor.locator("ul > li > ul > li")).toHaveText("包括长期支持分支");
  await expect(editor.locator("ol > li")).toHaveText(["备份配置", "升级到 9.1.4"]);
  await expect(editor.locator("table")).toContainText("CVE-2026-12345");
  const inner = await editor.innerHTML();
  for (const junk of ["mso-", "Mso", "o:p", "file:///", "font-family"]) expect(inner).not.toContain(junk);
});
