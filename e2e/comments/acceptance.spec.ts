import { expect, test, type Page } from "@playwright/test";
import { HELD_BY_LABELS } from "../../lib/comments/rules";
import { commentsBy, newReader, quietArticle, setModerationMode, trustedReader, type Account } from "./db";
import {
  bodyField,
  closeContexts,
  commentOf,
  composer,
  decideWithKeyboard,
  editor,
  filterQueueByText,
  openQueueFromHeader,
  outcome,
  pollArticle,
  post,
  queueRows,
  queueStatus,
  selectWithKeyboard,
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

// again before each step: another spec saving the rules page in parallel may have flipped it
test.beforeEach(() => setModerationMode("premoderate"));

test.afterEach(closeContexts);

test.afterAll(async () => {
  await restoreMode?.();
});

/** The editor approves the pending comment holding `body`: queue from the header, text filter, j…a. */
async function approveFromQueue(page: Page, body: string, marker: string) {
  await openQueueFromHeader(page);
  await filterQueueByText(page, marker);
  await decideWithKeyboard(page, body, "a");
  await expect(queueStatus(page)).toContainText("已通过 1 条评论");
  await expect(queueRows(page).filter({ hasText: body })).toHaveCount(0);
}

test("a new reader posts with the proof of work and sees the comment pending", async ({ browser }) => {
  const page = await signedIn(browser, reader);
  await page.goto(article.path);
  const form = composer(page);
  await post(form, text.first, { proof: true });

  await expect(outcome(form)).toHaveText(`已提交，等待审核（${HELD_BY_LABELS.premoderation}）`);
  await expect(bodyField(form)).toHaveValue("");
  const [stored] = await commentsBy(reader.id, text.first);
  expect(stored).toMatchObject({ status: "PENDING", heldBy: "premoderation", parentId: null });

  // the reader's own comments are fetched after load: theirs shows, marked pending with the rule
  await page.reload();
  const own = commentOf(page, text.first);
  await expect(own.getByTestId("comment-pending")).toHaveText(`待审核（${HELD_BY_LABELS.premoderation}）`);
  // and nobody else sees it
  const visitor = await signedOut(browser);
  await visitor.goto(article.path);
  await expect(visitor.getByTestId("comment-form").getByRole("link", { name: "登录" })).toBeVisible();
  await expect(visitor.getByText(text.first)).toHaveCount(0);
});

test("an editor opens the queue from the staff header and approves it with the keyboard", async ({
  browser,
}) => {
  const page = await editor(browser);
  // the staff header carries the pending count (this comment among them) in the link's name
  await page.goto("/editor");
  await expect(
    page.getByRole("banner").getByRole("link", { name: /^评论审核 ?\d+ 条待审核$/ }),
  ).toBeVisible();
  await openQueueFromHeader(page);
  await filterQueueByText(page, run);
  const row = queueRows(page).filter({ hasText: text.first });
  await expect(row.getByTestId("held-reason")).toContainText(HELD_BY_LABELS.premoderation);
  await decideWithKeyboard(page, text.first, "a");
  await expect(queueStatus(page)).toContainText("已通过 1 条评论");
  await expect(row).toHaveCount(0);
  await expect.poll(async () => (await commentsBy(reader.id, text.first))[0]?.status).toBe("APPROVED");
});

test("a signed-out visitor sees it on the article", async ({ browser }) => {
  const visitor = await signedOut(browser);
  await pollArticle(visitor, article.path, async () => (await commentOf(visitor, text.first).count()) === 1);
  const shown = commentOf(visitor, text.first);
  await expect(shown).toContainText(reader.displayName);
  await expect(shown.getByTestId("comment-pending")).toHaveCount(0);
});

test("a reply shows threaded under it", async ({ browser }) => {
  const page = await signedIn(browser, replier);
  await page.goto(article.path);
  await commentOf(page, text.first).getByRole("button", { name: "回复" }).click();
  const thread = threadOf(page, text.first);
  // the parent is quoted: its author and the start of its text
  const quote = thread.getByTestId("reply-quote");
  await expect(quote).toContainText(`回复 ${reader.displayName}：`);
  await expect(quote).toContainText(text.first);
  const replyForm = thread.getByTestId("reply-form");
  await post(replyForm, text.reply, { proof: true });
  await expect(outcome(replyForm)).toHaveText(/^已提交，等待审核/);
  const [parent] = await commentsBy(reader.id, text.first);
  const [reply] = await commentsBy(replier.id, text.reply);
  expect(reply).toMatchObject({ status: "PENDING", parentId: parent!.id });

  await approveFromQueue(await editor(browser), text.reply, run);

  const visitor = await signedOut(browser);
  const replies = (p: Page) =>
    threadOf(p, text.first).getByRole("list", { name: `对 ${reader.displayName} 的回复` });
  await pollArticle(
    visitor,
    article.path,
    async () => (await replies(visitor).getByText(text.reply).count()) === 1,
  );
  // threaded: in the parent's reply list, not a thread of its own
  await expect(visitor.getByTestId("comment-thread").filter({ hasText: text.reply })).toHaveCount(1);
  await expect(replies(visitor).getByTestId("comment")).toContainText(replier.displayName);
});

test("the reader edits it within 10 minutes; the edit goes through the rules again", async ({ browser }) => {
  const page = await signedIn(browser, reader);
  await page.goto(article.path);
  const own = commentOf(page, text.first);
  await own.getByRole("button", { name: "编辑" }).click();
  const box = page.getByRole("textbox", { name: "编辑评论" });
  await expect(box).toHaveValue(text.first);
  await box.fill(text.edited);
  await page.getByRole("button", { name: "保存" }).click();

  // 先审后发: the edited comment waits for a moderator again, and says so to its author
  const edited = commentOf(page, text.edited);
  await expect(edited.getByTestId("comment-pending")).toHaveText(`待审核（${HELD_BY_LABELS.premoderation}）`);
  await expect(edited.getByText("已编辑")).toBeVisible();
  const [stored] = await commentsBy(reader.id, text.edited);
  expect(stored).toMatchObject({ status: "PENDING", heldBy: "premoderation" });
  expect(stored!.editedAt).not.toBeNull();

  await approveFromQueue(await editor(browser), text.edited, run);

  const visitor = await signedOut(browser);
  await pollArticle(visitor, article.path, async () => (await commentOf(visitor, text.edited).count()) === 1);
  await expect(commentOf(visitor, text.edited).getByText("已编辑")).toBeVisible();
  await expect(visitor.getByText(text.first, { exact: true })).toHaveCount(0);
  // the reply is still threaded under the edited comment
  await expect(threadOf(visitor, text.edited).getByRole("list").getByText(text.reply)).toBeVisible();
});

test("a report puts it in the reported filter with its reason", async ({ browser }) => {
  const page = await signedIn(browser, replier);
  await page.goto(article.path);
  await commentOf(page, text.edited).getByRole("button", { name: "举报" }).click();
  const dialog = page.getByRole("dialog", { name: "举报评论" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: "其他" }).check();
  await dialog.getByRole("textbox", { name: /补充说明/ }).fill(text.reportDetail);
  await dialog.getByRole("button", { name: "提交举报" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("已收到举报，感谢反馈")).toBeVisible();

  const queue = await editor(browser);
  await openQueueFromHeader(queue);
  await queue.getByRole("link", { name: /被举报/ }).click();
  await expect(queue).toHaveURL(/status=REPORTED/);
  const row = queueRows(queue).filter({ hasText: text.edited });
  const reports = row.getByTestId("report-summary");
  await expect(reports).toContainText("举报 1 次：其他 ×1");
  await expect(reports).toContainText(text.reportDetail);
});

test("a ban from the queue blocks the reader's next post with its reason", async ({ browser }) => {
  const queue = await editor(browser);
  await openQueueFromHeader(queue);
  await queue.getByRole("link", { name: /被举报/ }).click();
  const row = queueRows(queue).filter({ hasText: text.edited });
  await selectWithKeyboard(queue, text.edited);
  await row.getByRole("button", { name: `禁言 ${reader.displayName}` }).click();
  const ban = queue.getByTestId("ban-form");
  await ban.getByLabel("禁言时长").selectOption({ label: "7 天" });
  await ban.getByLabel(/^原因/).fill(text.banReason);
  await ban.getByRole("button", { name: "确认禁言" }).click();
  await expect(ban.getByText(`已禁言 ${reader.displayName}。`)).toBeVisible();
  await expect(row.getByTestId("author-history")).toContainText("已禁言（至");

  const page = await signedIn(browser, reader);
  await page.goto(article.path);
  const form = composer(page);
  await post(form, text.afterBan, { proof: true });
  const alert = form.getByRole("alert");
  await expect(alert).toContainText(`你已被禁止评论：${text.banReason}（至 `);
  // the text stays for the reader, and nothing was stored
  await expect(bodyField(form)).toHaveValue(text.afterBan);
  expect(await commentsBy(reader.id, text.afterBan)).toEqual([]);
});

test("a trusted reader's comment appears at once, without moderation", async ({ browser }) => {
  const restore = await setModerationMode("trusted");
  try {
    const trusted = await trustedReader(article.key);
    const page = await signedIn(browser, trusted);
    await page.goto(article.path);
    const form = composer(page);
    await expect(form.getByLabel(`以 ${trusted.displayName} 的身份评论`)).toBeEnabled();
    // 30 days old with approved comments: no proof of work is asked
    await expect(form.getByRole("checkbox", { name: "我不是机器人" })).toHaveCount(0);
    await post(form, text.trusted, { proof: false });
    await expect(outcome(form)).toHaveText("已发表");
    await expect(commentOf(page, text.trusted)).toBeVisible();
    await expect(commentOf(page, text.trusted).getByTestId("comment-pending")).toHaveCount(0);
    const [stored] = await commentsBy(trusted.id, text.trusted);
    expect(stored).toMatchObject({ status: "APPROVED", heldBy: null });

    const visitor = await signedOut(browser);
    await pollArticle(
      visitor,
      article.path,
      async () => (await commentOf(visitor, text.trusted).count()) === 1,
    );
    await expect(commentOf(visitor, text.trusted)).toContainText(trusted.displayName);
  } finally {
    await restore();
  }
});
