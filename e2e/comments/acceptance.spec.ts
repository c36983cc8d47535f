import { expect, test, type Page } from "@playwright/test";
import { commentsBy, newReader, quietArticle, setModerationMode, trustedReader, type Account } from "./db";
import {
  closeContexts,
  composer,
  decideWithKeyboard,
  editor,
  filterQueueByText,
  openQueueFromHeader,
  pollArticle,
  post,
  queueRows,
  signedIn,
  signedOut,
  threadOf,
} from "./flow";

/**
 * Issue 13's acceptance, as the people in it would do it: a new reader posts (solving the proof
 * of work in the browser) and sees the comment pending; an editor opens the queue from the staff
 * header and approves it with the keyboard; a signed-out visitor sees it; a reply shows threaded
 * under it; the reader edits it within 10 minutes; a report puts it in the reported filter; a ban
 * blocks the reader's next post with its reason; a trusted reader's comment appears at once.
 *
 * One story, so the tests run in order and share its people. The moderation mode is set
 * explicitly (先审后发 for the story, 信任读者 for the last test) and put back afterwards.
 */

const article = quietArticle();
const run = Math.random().toString(36).slice(2, 8);
const text = {
  first: `验收${run}：文中的排查步骤很清楚，我们照着做了一遍。`,
  edited: `验收${run}：文中的排查步骤很清楚，我们照着做了一遍，补充：第三步要用管理员权限。`,
  reply: `验收${run}回复：第三步我们也卡住过，谢谢补充。`,
  reportDetail: `验收${run}：举报说明`,
  banReason: `验收${run}：多次发布与文章无关的内容`,
  afterBan: `验收${run}：被禁言后再发一条。`,
  trusted: `验收${run}老读者：这条应该直接发布。`,
};

test.describe.configure({ mode: "serial", timeout: 150_000 });

let reader: Account;
let replier: Account;
let restoreMode: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  restoreMode = await setModerationMode("premoderate");
  reader = await newReader();
  replier = await newReader();
});

test.afterEach(closeContexts);

test.afterAll(async () => {
  await restoreMode?.();
});

/** The editor approves the pending comment holding `body`: queue from the header, text filter, j…a. */
async function approveFromQueue(page: Page, body: string, marker: string) {
  await openQueueFromHeader(page);
  await filterQueueByText(page, marker);
  await decideWithKeyboard(page, body, "a");
  await expect(page.getByRole("status").filter({ hasText: /已通过/ })).toBeVisible();
  await expect(queueRows(page).filter({ hasText: body })).toHaveCount(0);
}

test("a new reader posts with the proof of work and sees the comment pending", async ({ browser }) => {
  const page = await signedIn(browser, reader);
  await page.goto(article.path);
  const form = composer(page);
  await post(form, text.first, { proof: true });

  await expect(form.getByText("已提交，等待审核")).toBeVisible();
  await expect(form.getByText("先审后发")).toBeVisible();
  const [stored] = await commentsBy(reader.id, text.first);
  expect(stored).toMatchObject({ status: "PENDING", heldBy: "premoderation", parentId: null });

  // the reader's own comments are fetched after load: pending, marked as such, nobody else sees it
  await page.reload();
  const own = page.getByTestId("own-comment").filter({ hasText: text.first });
  await expect(own).toBeVisible();
  await expect(own.getByText("待审核")).toBeVisible();
  const visitor = await signedOut(browser);
  await visitor.goto(article.path);
  await expect(visitor.getByText(text.first)).toHaveCount(0);
});

test("an editor opens the queue from the staff header and approves it with the keyboard", async ({
  browser,
}) => {
  const page = await editor(browser);
  await openQueueFromHeader(page);
  // the header link carries the pending count
  await expect(page.getByRole("banner").getByRole("link", { name: /评论审核/ })).toContainText(/\d+/);
  await filterQueueByText(page, run);
  const row = queueRows(page).filter({ hasText: text.first });
  await expect(row).toContainText("先审后发");
  await decideWithKeyboard(page, text.first, "a");
  await expect(page.getByRole("status").filter({ hasText: /已通过/ })).toBeVisible();
  await expect.poll(async () => (await commentsBy(reader.id, text.first))[0]?.status).toBe("APPROVED");
});

test("a signed-out visitor sees it on the article", async ({ browser }) => {
  const visitor = await signedOut(browser);
  await pollArticle(visitor, article.path, async () => (await threadOf(visitor, text.first).count()) === 1);
  await expect(threadOf(visitor, text.first)).toContainText(reader.displayName);
});

test("a reply shows threaded under it", async ({ browser }) => {
  const page = await signedIn(browser, replier);
  await page.goto(article.path);
  const thread = threadOf(page, text.first);
  await thread.getByRole("button", { name: "回复" }).first().click();
  const replyForm = composer(thread);
  // the parent is quoted: its author and the start of its text
  const quote = replyForm.locator("blockquote");
  await expect(quote).toContainText(reader.displayName);
  await expect(quote).toContainText(text.first.slice(0, 20));
  await post(replyForm, text.reply, { proof: true });
  await expect(replyForm.getByText("已提交，等待审核").or(page.getByText("已提交，等待审核"))).toBeVisible();
  const [parent] = await commentsBy(reader.id, text.first);
  const [reply] = await commentsBy(replier.id, text.reply);
  expect(reply).toMatchObject({ status: "PENDING", parentId: parent!.id });

  await approveFromQueue(await editor(browser), text.reply, run);

  const visitor = await signedOut(browser);
  await pollArticle(
    visitor,
    article.path,
    async () => (await threadOf(visitor, text.first).getByText(text.reply).count()) === 1,
  );
  // threaded: inside the parent's item, in a nested list, not a thread of its own
  await expect(threadOf(visitor, text.first).locator("li").filter({ hasText: text.reply })).toHaveCount(1);
  await expect(threadOf(visitor, text.reply).filter({ hasNotText: text.first })).toHaveCount(0);
});

test("the reader edits it within 10 minutes; the edit goes through the rules again", async ({ browser }) => {
  const page = await signedIn(browser, reader);
  await page.goto(article.path);
  const own = page.getByTestId("own-comment").filter({ hasText: text.first });
  await own.getByRole("button", { name: "编辑" }).click();
  const box = own.getByRole("textbox");
  await expect(box).toHaveValue(text.first);
  await box.fill(text.edited);
  await own.getByRole("button", { name: "保存" }).click();

  // 先审后发: an edited comment waits for a moderator again, and says so to its author
  const edited = page.getByTestId("own-comment").filter({ hasText: text.edited });
  await expect(edited).toBeVisible();
  await expect(edited.getByText("待审核")).toBeVisible();
  await expect(edited.getByText("已编辑")).toBeVisible();
  const [stored] = await commentsBy(reader.id, text.edited);
  expect(stored).toMatchObject({ status: "PENDING" });
  expect(stored!.editedAt).not.toBeNull();

  await approveFromQueue(await editor(browser), text.edited, run);

  const visitor = await signedOut(browser);
  await pollArticle(visitor, article.path, async () => (await threadOf(visitor, text.edited).count()) === 1);
  const thread = threadOf(visitor, text.edited);
  await expect(thread.getByText("已编辑")).toBeVisible();
  await expect(visitor.getByText(text.first, { exact: true })).toHaveCount(0);
  // the reply is still threaded under the edited comment
  await expect(thread.locator("li").filter({ hasText: text.reply })).toHaveCount(1);
});

test("a report puts it in the reported filter with its reason", async ({ browser }) => {
  const page = await signedIn(browser, replier);
  await page.goto(article.path);
  const thread = threadOf(page, text.edited);
  // the first 举报 in the thread is the parent's (the reply is the replier's own: no 举报 on it)
  await thread.getByRole("button", { name: "举报" }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: "其他" }).check();
  await dialog.getByRole("textbox").fill(text.reportDetail);
  await dialog.getByRole("button", { name: /提交|举报/ }).click();
  await expect(page.getByText("已收到举报，感谢反馈")).toBeVisible();

  const queue = await editor(browser);
  await openQueueFromHeader(queue);
  await queue.getByRole("link", { name: /被举报/ }).click();
  await expect(queue).toHaveURL(/reported/i);
  const row = queueRows(queue).filter({ hasText: text.edited });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("其他");
  await expect(row).toContainText(text.reportDetail);
});

test("a ban from the queue blocks the reader's next post with its reason", async ({ browser }) => {
  const queue = await editor(browser);
  await openQueueFromHeader(queue);
  await queue.getByRole("link", { name: /被举报/ }).click();
  const row = queueRows(queue).filter({ hasText: text.edited });
  await row.getByRole("button", { name: /禁言/ }).click();
  const dialog = queue.getByRole("dialog");
  await dialog.getByRole("radio", { name: "7 天" }).or(dialog.getByLabel("7 天")).first().check();
  await dialog.getByLabel(/原因|理由/).fill(text.banReason);
  await dialog
    .getByRole("button", { name: /禁言|确定|确认/ })
    .last()
    .click();
  await expect(queue.getByRole("status").filter({ hasText: /禁言/ })).toBeVisible();

  const page = await signedIn(browser, reader);
  await page.goto(article.path);
  const form = composer(page);
  await post(form, text.afterBan, { proof: true });
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("你已被禁止评论");
  await expect(alert).toContainText(text.banReason);
  // the text stays for the reader, and nothing was stored
  await expect(form.getByRole("textbox").first()).toHaveValue(text.afterBan);
  expect(await commentsBy(reader.id, text.afterBan)).toEqual([]);
});

test("a trusted reader's comment appears at once, without moderation", async ({ browser }) => {
  const restore = await setModerationMode("trusted");
  try {
    const trusted = await trustedReader(article.key);
    const page = await signedIn(browser, trusted);
    await page.goto(article.path);
    const form = composer(page);
    // 30 days old with approved comments: no proof of work asked
    await expect(form.getByRole("textbox").first()).toBeEnabled();
    await expect(form.getByRole("checkbox", { name: "我不是机器人" })).toHaveCount(0);
    await post(form, text.trusted, { proof: false });
    await expect(form.getByText("已发表")).toBeVisible();
    const [stored] = await commentsBy(trusted.id, text.trusted);
    expect(stored).toMatchObject({ status: "APPROVED", heldBy: null });

    const visitor = await signedOut(browser);
    await pollArticle(
      visitor,
      article.path,
      async () => (await threadOf(visitor, text.trusted).count()) === 1,
    );
  } finally {
    await restore();
  }
});
