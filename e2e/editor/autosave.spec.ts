import { expect, test, type Page } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { expectNoSeriousA11yViolations } from "../public/helpers";
import { bumpVersion, liveArticle } from "./saving-db";

/**
 * 自动保存 tells the truth and loses nothing: offline, autosaves fail (the status and banner say
 * so) and are retried with backoff; back online the text reaches the server without a click. A
 * second tab still on the version before publishing cannot change the live page: its save is a
 * conflict, and even 保留我的 only makes a pending edit until 更新.
 */

const body = (p: Page) => p.getByRole("textbox", { name: "正文" });
const status = (p: Page) => p.getByTestId("save-status");

async function createDraft(p: Page, title: string) {
  await p.goto("/editor/articles/new");
  await p.getByRole("textbox", { name: "标题", exact: true }).fill(title);
  await p.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await p.getByRole("button", { name: "创建草稿并开始编辑" }).click();
  await expect(p).toHaveURL(/\/editor\/articles\/(?!new)[\w-]+$/, { timeout: 20_000 });
  await expect(p.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });
  return p.url().split("/").pop()!;
}

async function typeAtEnd(p: Page, text: string) {
  await body(p).click();
  await p.keyboard.press("Control+End");
  await p.keyboard.press("Enter");
  await p.keyboard.type(text);
}

test.describe("autosave", () => {
  test.use({ storageState: authStatePath("TRANSLATOR") });

  test("offline: three autosaves fail and say so; back online the text is saved without a click", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const stamp = Date.now();
    const id = await createDraft(page, `e2e 离线自动保存 ${stamp}`);
    await expectNoSeriousA11yViolations(page);
    const before = Number(await status(page).getAttribute("data-attempts"));

    await context.setOffline(true);
    const text = `断网时写下的段落 ${stamp}`;
    await typeAtEnd(page, text);
    await expect(status(page)).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
    await expect(status(page)).toHaveText("离线：已存本机，恢复网络后自动保存");
    await expect(page.getByRole("alert").filter({ hasText: "离线：修改已存本机" })).toBeVisible();
    // the backoff keeps trying: three failed autosaves (3 s quiet, then 2 s and 4 s later)
    await expect
      .poll(async () => Number(await status(page).getAttribute("data-attempts")) - before, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(3);
    await expect(status(page)).toHaveAttribute("data-state", "offline");
    expect((await liveArticle(id)).bodyText).not.toContain(text);

    await context.setOffline(false);
    await expect(status(page)).toHaveText(/已保存 \d\d:\d\d/, { timeout: 30_000 });
    expect((await liveArticle(id)).bodyText).toContain(text);
    // a fresh page load shows it (from the server: the local copy is cleared once saved)
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expect(body(fresh)).toContainText(text, { timeout: 20_000 });
    await expect(fresh.getByRole("region", { name: "本机备份" })).toHaveCount(0);
  });

  test("a local copy newer than the server's is offered when the page opens again", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const stamp = Date.now();
    const id = await createDraft(page, `e2e 本机备份 ${stamp}`);
    const url = page.url();
    // offline, every save fails: the text lives only in this browser; then the tab is closed
    await context.setOffline(true);
    const text = `只在本机的段落 ${stamp}`;
    await typeAtEnd(page, text);
    await expect(status(page)).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
    // Someone else saves meanwhile (the version moves on). Closing the tab sends a keepalive save,
    // and Chromium may deliver it once the network is back, after the page is gone (seen in CI):
    // based on the old version, it is refused as a conflict, so the text lives only in the local copy.
    await bumpVersion(id);
    await page.close({ runBeforeUnload: false });
    await context.setOffline(false);
    expect((await liveArticle(id)).bodyText).not.toContain(text);

    const again = await context.newPage();
    await again.goto(url);
    const offer = again.getByRole("region", { name: "本机备份" });
    await expect(offer).toContainText("发现本机保存的未同步内容", { timeout: 20_000 });
    await expect(body(again)).not.toContainText(text);
    await offer.getByRole("button", { name: "恢复本机内容" }).click();
    await expect(body(again)).toContainText(text);
    await expect(status(again)).toHaveText(/已保存 \d\d:\d\d/, { timeout: 20_000 });
    expect((await liveArticle(id)).bodyText).toContain(text);
  });

  test("continuous typing still saves within 30 s", async ({ page }) => {
    test.setTimeout(120_000);
    const stamp = Date.now();
    const id = await createDraft(page, `e2e 连续输入 ${stamp}`);
    await body(page).click();
    await page.keyboard.press("Control+End");
    // a key every 0.9 s for 36 s, never 3 s of quiet: only the 30 s maximum can save meanwhile
    const started = Date.now();
    const typing = page.keyboard.type("连续输入".repeat(10), { delay: 900 });
    await expect
      .poll(async () => (await liveArticle(id)).bodyText, { timeout: 33_000, intervals: [500] })
      .toContain("连续");
    const savedAfter = Date.now() - started;
    await typing;
    const typedFor = Date.now() - started;
    expect(savedAfter).toBeLessThan(typedFor);
  });
});

test("a second tab on the version before publishing cannot change the live page", async ({ browser }) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const context = await browser.newContext({ storageState: authStatePath("EDITOR") });
  const first = await context.newPage();
  const id = await createDraft(first, `e2e 发布前的旧标签页 ${stamp}`);
  await typeAtEnd(first, `审定的正文 ${stamp}`);
  await first.keyboard.press("Control+s");
  await expect(status(first)).toHaveText(/已保存 \d\d:\d\d/, { timeout: 20_000 });

  const second = await context.newPage();
  await second.goto(first.url());
  await expect(second.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 20_000 });

  await first.getByRole("button", { name: "发布", exact: true }).click();
  await expect(first.getByText(/发布于/)).toBeVisible({ timeout: 20_000 });
  const { publicId } = await liveArticle(id);
  const reader = await browser.newPage();
  await reader.goto(`/posts/${publicId}`);
  await expect(reader.getByRole("article")).toContainText(`审定的正文 ${stamp}`, { timeout: 20_000 });

  // the stale tab types and saves: a conflict, and the live row is untouched
  const unreviewed = `未经审核的修改 ${stamp}`;
  await typeAtEnd(second, unreviewed);
  await second.keyboard.press("Control+s");
  const dialog = second.getByRole("dialog", { name: "保存冲突：文章已被他人修改" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  expect((await liveArticle(id)).bodyText).not.toContain(unreviewed);
  // even 保留我的 only makes a pending edit of the live article
  await expect(dialog.getByRole("button", { name: "保留我的" })).toBeEnabled({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "保留我的" }).click();
  const pending = second.getByTestId("pending-edit");
  await expect(pending).toContainText("有未发布的修改：读者看到的是已发布版本", { timeout: 20_000 });
  await expect(body(second)).toContainText(unreviewed);
  expect((await liveArticle(id)).bodyText).not.toContain(unreviewed);
  await reader.reload();
  await expect(reader.getByRole("article")).toContainText(`审定的正文 ${stamp}`);
  await expect(reader.getByRole("article")).not.toContainText(unreviewed);
  await expectNoSeriousA11yViolations(second);

  // 更新 (the editor may publish): now readers see it
  await pending.getByRole("button", { name: "更新" }).click();
  await expect(second.getByTestId("pending-edit")).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(async () => (await liveArticle(id)).bodyText, { timeout: 15_000 }).toContain(unreviewed);
  await expect
    .poll(
      async () => {
        await reader.reload();
        return reader.getByRole("article").innerText();
      },
      { timeout: 30_000 },
    )
    .toContain(unreviewed);
});
