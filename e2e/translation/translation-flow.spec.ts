import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { normalizeSource, pairHash } from "../../lib/translation/memory/normalize";
import { authStatePath, type DemoRole } from "../auth-state";
import { E2E_SOURCE_PAGE_NAME, MEMORY_SOURCE, MEMORY_TARGET } from "./source-page";

/**
 * Issue 10's flow, end to end in a browser: an editor assigns a source URL to a translator; the
 * translator ingests it, translates every segment with the keyboard, inserts a translation-memory
 * match, is stopped by QA for a mistyped CVE ID, fixes it and submits; the editor publishes; the
 * public page and the RSS item credit the source.
 */

const TRANSLATOR_NAME = "林雨桐"; // prisma/seed/data/authors.ts

/** The Chinese for each source segment, found by a phrase of its English. */
const TRANSLATIONS: [RegExp, string][] = [
  [/^Critical flaw in Tidewater/, "Tidewater 网关严重漏洞遭利用"],
  [
    /CVE-2026-50123/,
    "据国家 CERT 周五发布的警告，攻击者正在利用 CVE-2026-50123，这是 Tidewater 网关中一个 CVSS 评分为 9.8 的远程代码执行漏洞。",
  ],
  [/^What administrators should do/, "管理员应采取的措施"],
  [
    /^Administrators who cannot patch/,
    "无法打补丁的管理员应阻止从互联网访问管理界面，并检查日志中自 11 月 20 日以来创建的未知账户。",
  ],
  [/1,200 exposed devices/, "CERT 表示，截至周日仍有超过 1,200 台暴露在互联网上的设备没有打补丁。"],
];
const CVE_TYPO = TRANSLATIONS[1]![1].replace("CVE-2026-50123", "CVE-2026-51023");

async function pageAs(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: authStatePath(role) });
  return context.newPage();
}

/** A memory entry that the source's "vendor released patches" paragraph nearly matches. */
async function seedMemory() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const norm = normalizeSource(MEMORY_SOURCE);
    await client.query(
      `INSERT INTO translation_memory (id, "sourceText", "targetText", "sourceNorm", "pairHash", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT ("pairHash") DO NOTHING`,
      [`e2e-tm-${Date.now()}`, MEMORY_SOURCE, MEMORY_TARGET, norm, pairHash(norm, MEMORY_TARGET)],
    );
  } finally {
    await client.end();
  }
}

const textRows = (page: Page) => page.locator('[data-testid="segment-row"]:not([data-status="CARRIED"])');

test("assign → ingest → translate by keyboard with a memory match → QA stop → fix → submit → publish → credited", async ({
  browser,
}) => {
  // two people, a fetch, a dozen autosaves and a publish on a busy 2-core machine
  test.setTimeout(420_000);
  const base = process.env.E2E_SOURCE_BASE;
  expect(base, "e2e/global-setup.ts starts the source fixture server").toBeTruthy();
  const sourceUrl = `${base}/${E2E_SOURCE_PAGE_NAME}?run=${Date.now()}`;
  await seedMemory();

  // 1. the editor creates the task and assigns it
  const editor = await pageAs(browser, "EDITOR");
  await editor.goto("/editor/translations?scope=all");
  const form = editor.getByRole("form", { name: "新建翻译任务" });
  await form.getByRole("textbox", { name: "原文链接" }).fill(sourceUrl);
  await form.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await form.getByRole("combobox", { name: "译者" }).selectOption({ label: TRANSLATOR_NAME });
  await form.getByRole("button", { name: "创建并分配" }).click();
  await expect(editor.getByText("翻译任务已创建。")).toBeVisible();
  const editorsRow = editor.getByTestId("translation-task").filter({ hasText: sourceUrl });
  await expect(editorsRow).toBeVisible();
  await expect(editorsRow).toContainText("未导入原文");

  // 2. the translator finds it in 我的翻译 and ingests the source
  const t = await pageAs(browser, "TRANSLATOR");
  await t.goto("/editor/translations");
  await t
    .getByTestId("translation-task")
    .filter({ hasText: sourceUrl })
    .getByRole("link", { name: "去翻译" })
    .click();
  await expect(t).toHaveURL(/\/editor\/articles\/[\w-]+\/translate$/);
  const translateUrl = t.url();
  await expect(t.getByLabel("原文链接")).toHaveValue(sourceUrl);
  await t.getByRole("button", { name: "从链接抓取原文" }).click();
  // the h1 is the source's title, not a segment: one heading, four paragraphs
  await expect(textRows(t)).toHaveCount(5, { timeout: 30_000 });
  // the code block is carried over, not translated
  await expect(t.locator('[data-testid="segment-row"][data-status="CARRIED"]')).toHaveCount(1);
  await expect(t.getByTestId("translate-progress")).toHaveText("0/5 已翻译");

  // 3. every segment by keyboard: type, Ctrl+Enter confirms and moves on; Alt+1 inserts memory
  await textRows(t).first().getByRole("textbox").click();
  const count = await textRows(t).count();
  for (let i = 0; i < count; i++) {
    const row = textRows(t).nth(i);
    const box = row
      .getByRole("textbox", { name: `第 ${i + 1} 段译文` })
      .or(row.getByRole("textbox"))
      .first();
    await expect(box).toBeFocused();
    const source = (await row.locator('[lang="en"]').first().innerText()).trim();
    if (source.startsWith("The vendor released patches")) {
      const matches = t.getByTestId("memory-matches");
      await expect(matches).toBeVisible({ timeout: 30_000 });
      await expect(matches.getByRole("button").first()).toContainText(/\b(8\d|9\d)%/);
      await t.keyboard.press("Alt+1");
      await expect(box).toHaveValue(MEMORY_TARGET);
    } else {
      const entry = TRANSLATIONS.find(([re]) => re.test(source));
      expect(entry, `a translation for: ${source}`).toBeTruthy();
      const text = entry![1] === TRANSLATIONS[1]![1] ? CVE_TYPO : entry![1];
      // Chinese arrives through an input method: whole phrases, not key by key
      await t.keyboard.insertText(text);
    }
    await t.keyboard.press("Control+Enter");
    await expect(row).toHaveAttribute("data-status", "TRANSLATED");
  }
  await expect(t.getByTestId("translate-progress")).toHaveText(`${count}/${count} 已翻译`);

  // the live QA already names the mistyped CVE, linked to its segment
  const qa = t.getByTestId("qa-findings");
  await expect(qa).toContainText("CVE-2026-50123");

  // 4. the body is built from the segments; the translator titles it and tries to submit
  await t.getByRole("button", { name: "生成正文" }).click();
  await t.getByRole("link", { name: /前往编辑器查看正文/ }).click();
  await expect(t.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 30_000 });
  const title = `e2e Tidewater 网关漏洞 ${Date.now()}`;
  await t.getByRole("textbox", { name: "标题", exact: true }).fill(title);
  await t.keyboard.press("Control+s");
  await expect(t.getByTestId("save-status")).toHaveText(/已保存 \d\d:\d\d/);
  await t.getByRole("button", { name: "提交审核" }).click();
  const submitDialog = t.getByRole("dialog", { name: "提交审核" });
  await submitDialog.getByRole("button", { name: "提交审核" }).click();
  await expect(submitDialog.getByRole("alert").filter({ hasText: "CVE-2026-50123" })).toBeVisible();
  // refused: still a draft, the dialog still open to try again
  await expect(submitDialog.getByRole("button", { name: "提交审核" })).toBeEnabled();

  // 5. fix it from the QA list, rebuild the body, submit
  await t.goto(translateUrl);
  await t.getByTestId("qa-findings").getByRole("link").filter({ hasText: "CVE-2026-50123" }).first().click();
  const cveBox = textRows(t).filter({ hasText: "CVE-2026-50123" }).getByRole("textbox").first();
  await expect(cveBox).toBeFocused();
  await cveBox.fill(TRANSLATIONS[1]![1]);
  await t.keyboard.press("Control+Enter");
  // the finding goes (and with it the list, when it was the last one)
  await expect(t.getByTestId("qa-findings").filter({ hasText: "CVE-2026-51023" })).toHaveCount(0);
  await t.getByRole("button", { name: "生成正文" }).click();
  // the title was edited in the editor since the last build: building again is confirmed
  const again = t.getByText(/再次点击“生成正文”/);
  const built = t.getByRole("link", { name: /前往编辑器查看正文/ });
  await expect(again.or(built)).toBeVisible();
  if (await again.isVisible()) await t.getByRole("button", { name: "生成正文" }).click();
  await built.click();
  await expect(t.getByRole("textbox", { name: "标题", exact: true })).toHaveValue(title, { timeout: 30_000 });
  await t.getByRole("button", { name: "提交审核" }).click();
  await t.getByRole("dialog", { name: "提交审核" }).getByRole("button", { name: "提交审核" }).click();
  await expect(t.getByText("稿件正在审核中，暂时只读")).toBeVisible();

  // 6. the editor publishes it
  await editor.goto("/editor/review");
  await editor.getByRole("link", { name: title }).click();
  await expect(editor.getByRole("textbox", { name: "标题", exact: true })).toHaveValue(title, {
    timeout: 30_000,
  });
  await editor.getByRole("button", { name: "发布", exact: true }).click();
  await expect(editor.getByText("已发布", { exact: true }).first()).toBeVisible();
  const href = await editor.getByRole("link", { name: "查看文章" }).getAttribute("href");
  expect(href).toMatch(/^\/posts\/[a-z0-9]+$/);

  // 7. the public page credits the source with a working link, and so does the feed
  const reader = await browser.newPage();
  await reader.goto(href!);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  const article = reader.getByTestId("article");
  await expect(article).toContainText("CVE-2026-50123");
  await expect(article).not.toContainText("CVE-2026-51023");
  await expect(article).toContainText(MEMORY_TARGET);
  const credit = reader.getByRole("region", { name: "译文声明" });
  await expect(credit).toContainText("Critical flaw in Tidewater gateways exploited");
  const link = credit.getByRole("link", { name: /Tidewater|127\.0\.0\.1/ }).first();
  await expect(link).toHaveAttribute("href", sourceUrl);
  const fetched = await reader.request.get(sourceUrl);
  expect(fetched.status()).toBe(200);
  expect(await fetched.text()).toContain("Critical flaw in Tidewater gateways exploited");

  await expect
    .poll(async () => (await reader.request.get("/feed")).text(), { timeout: 60_000 })
    .toContain(title);
  const feed = await (await reader.request.get("/feed")).text();
  const item = feed.split("<item>").find((x) => x.includes(title))!;
  expect(item).toContain(`<dc:source>${sourceUrl.replace(/&/g, "&amp;")}</dc:source>`);
  expect(item).toContain("本文为译文，原文：");
});
