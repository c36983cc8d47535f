import Parser from "rss-parser";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { createAccount } from "../account/helpers";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";
import { createSpecArticle } from "../public/comments-db";
import { expectNoSeriousA11yViolations } from "../public/helpers";

/**
 * 更正与更新 (issue 16): an editor edits a live article and files the change as a correction with
 * a public note when it goes live (更新); the article page, its JSON-LD, the feed and /corrections
 * show the note. The article is the spec's own (published in 2001, so no first page moves); a
 * fresh translator is credited on it, so their member feed lists it alone.
 */

let anon: APIRequestContext;
test.beforeAll(async () => {
  anon = await playwrightRequest.newContext({
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    storageState: { cookies: [], origins: [] },
  });
});
test.afterAll(async () => {
  await anon.dispose();
});

/** A fresh translator credited on the article; returns their member page id. */
async function creditFreshTranslator(articleId: string) {
  const { email } = await createAccount("TRANSLATOR");
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string; publicId: string }>(
      `SELECT u.id, p."publicId" FROM users u JOIN profiles p ON p."userId" = u.id WHERE u.email = $1`,
      [email],
    );
    await c.query(`UPDATE articles SET "translatorId" = $2 WHERE id = $1`, [articleId, rows[0]!.id]);
    return rows[0]!.publicId;
  });
}

test.describe("correction log", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor files a correction with 更新: the article, its JSON-LD, the feed and /corrections show the note", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const s = Date.now().toString(36);
    const article = await createSpecArticle({ title: `更正测试 ${s}` });
    const member = await creditFreshTranslator(article.id);
    const note = `此前版本把受影响版本写作 2.4 <b>${s}</b>，已更正为 2.3。`;

    await page.goto(`/editor/articles/${article.id}`);
    await expect(page.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("textbox", { name: "导语" }).fill(`受影响版本为 2.3 ${s}`);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    const banner = page.getByTestId("pending-edit");
    await expect(banner).toContainText("有未发布的修改", { timeout: 30_000 });

    // a kind without a note is stopped before anything is sent
    await banner.getByRole("combobox", { name: "修改类型" }).selectOption({ label: "更正" });
    await banner.getByRole("button", { name: "更新" }).click();
    await expect(banner.getByRole("alert")).toHaveText("请填写「更正」的公开说明。");
    await banner.getByRole("textbox", { name: /公开说明/ }).fill(note);
    await expectNoSeriousA11yViolations(page);
    await banner.getByRole("button", { name: "更新" }).click();
    await expect(page.getByTestId("pending-edit")).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId("editor-corrections")).toContainText(note, { timeout: 30_000 });

    // the article: the note at the top, as text (the <b> is not markup), and in JSON-LD
    await expect
      .poll(async () => (await anon.get(article.path)).text(), { timeout: 30_000 })
      .toContain(`受影响版本为 2.3 ${s}`);
    const readerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const reader = await readerContext.newPage();
    await reader.goto(article.path);
    const log = reader.getByRole("complementary", { name: "更正与更新" });
    await expect(log).toContainText(`更正：${note}`);
    await expect(log.locator("b")).toHaveCount(0);
    const ld = JSON.parse(
      (await reader.locator('script[type="application/ld+json"]').first().textContent())!,
    );
    expect(ld.correction).toEqual([
      expect.objectContaining({ "@type": "CorrectionComment", text: `更正：${note}` }),
    ]);
    expect(Date.parse(ld.dateModified)).toBe(Date.parse(ld.correction[0].datePublished));
    await expectNoSeriousA11yViolations(reader);
    await readerContext.close();

    // the feed item carries it, escaped once for HTML inside the XML
    const xml = await (await anon.get(`/member/${member}/feed`)).text();
    const feed = await new Parser({ customFields: { item: ["content:encoded"] } }).parseString(xml);
    const content = (feed.items[0] as unknown as Record<string, string>)["content:encoded"]!;
    expect(content).toContain("<p><strong>更正与更新</strong></p>");
    expect(content).toContain(`&lt;b&gt;${s}&lt;/b&gt;`);

    // /corrections lists it with a link to the article
    await page.goto("/corrections");
    const entry = page.getByTestId("corrections-index").getByRole("listitem").filter({ hasText: note });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole("link", { name: `更正测试 ${s}` })).toHaveAttribute("href", article.path);
  });

  test("an editor files a note on its own from the 更正与更新 panel", async ({ page }) => {
    test.setTimeout(120_000);
    const s = Date.now().toString(36);
    const article = await createSpecArticle({ title: `原文更新测试 ${s}` });
    const note = `原文补充了厂商回应 ${s}，译文已同步。`;
    await page.goto(`/editor/articles/${article.id}`);
    await expect(page.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 30_000 });
    // the panel is closed while the log is empty: its summary opens it
    const panel = page
      .locator("details")
      .filter({ has: page.locator("summary", { hasText: /^更正与更新（/ }) });
    await panel.locator("summary").click();
    await panel.getByRole("combobox", { name: "修改类型" }).selectOption({ label: "原文更新" });
    await panel.getByRole("textbox", { name: /公开说明/ }).fill(note);
    await panel.getByRole("button", { name: "记录说明" }).click();
    await expect(panel.getByRole("status")).toHaveText("已记录，文章页和 RSS 已显示这条说明。", {
      timeout: 30_000,
    });
    await expect(page.getByTestId("editor-corrections")).toContainText(note, { timeout: 30_000 });
    await expect.poll(async () => (await anon.get(article.path)).text(), { timeout: 30_000 }).toContain(note);
  });
});
