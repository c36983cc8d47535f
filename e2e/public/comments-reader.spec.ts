import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginAs } from "../account/helpers";
import {
  commentRow,
  commentsOf,
  createRegular,
  createSpecArticle,
  insertComments,
  reportsOf,
  type Reader,
  type SpecArticle,
} from "./comments-db";

/**
 * The reader's side of comments (issue 13) on articles of this spec's own: replies threaded under
 * their parent, edit and delete within the window, the report dialog (keyboard, axe), paging by
 * "load more" in both orders, and a closed article. Waits are conditions, never sleeps.
 */

const thread = (page: Page, text: string) => page.getByTestId("comment-thread").filter({ hasText: text });
const comment = (page: Page, text: string) => page.getByTestId("comment").filter({ hasText: text });

async function signedIn(browser: Browser, reader: Reader, path: string) {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await loginAs(page, reader.email, reader.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(path);
  // the reader's state arrives after hydration: the form names them when it has
  await expect(page.getByLabel(`以 ${reader.displayName} 的身份评论`)).toBeEnabled();
  return page;
}

test.describe("comments, as a reader", () => {
  let elsewhere: SpecArticle;
  test.beforeAll(async () => {
    elsewhere = await createSpecArticle();
  });

  test("a reply (also one to a reply) shows threaded under its parent, quoting it", async ({ browser }) => {
    const article = await createSpecArticle();
    const [alice, bob, reader] = await Promise.all([
      createRegular(elsewhere),
      createRegular(elsewhere),
      createRegular(elsewhere),
    ]);
    const run = Date.now().toString(36);
    const [parentId] = await insertComments(article, [
      { authorId: alice.id, body: `父评论 ${run}`, ago: 10 },
      { authorId: bob.id, body: `另一条 ${run}`, ago: 5 },
    ]);
    const [replyId] = await insertComments(article, [
      { authorId: bob.id, body: `已有回复 ${run}`, parentId, ago: 8 },
    ]);
    expect(replyId).toBeTruthy();

    const page = await signedIn(browser, reader, article.path);
    const t = thread(page, `父评论 ${run}`);
    await expect(t.getByRole("list", { name: `对 ${alice.displayName} 的回复` })).toContainText(
      `已有回复 ${run}`,
    );

    // 回复 on the reply: the form opens under the thread, quoting the reply's author and text
    await comment(page, `已有回复 ${run}`).getByRole("button", { name: "回复" }).click();
    const quote = t.getByTestId("reply-quote");
    await expect(quote).toContainText(`回复 ${bob.displayName}：`);
    await expect(quote).toContainText(`已有回复 ${run}`);
    const form = t.getByTestId("reply-form");
    await expect(form.getByRole("textbox", { name: "回复内容" })).toBeFocused();
    await form.getByRole("textbox", { name: "回复内容" }).fill(`我的回复 ${run}`);
    await form.getByRole("button", { name: "发表回复" }).click();
    await expect(form.getByRole("status")).toHaveText(/^已提交，等待审核/);

    // it shows at once for its author, pending, inside the parent's reply list (one level)
    const replies = t.getByRole("list", { name: `对 ${alice.displayName} 的回复` });
    await expect(replies.getByTestId("comment").filter({ hasText: `我的回复 ${run}` })).toBeVisible();
    await expect(comment(page, `我的回复 ${run}`).getByTestId("comment-pending")).toContainText("待审核");
    await expect(thread(page, `我的回复 ${run}`)).toHaveCount(1);
    const [mine] = await commentsOf(reader.id, article.id);
    expect(mine).toMatchObject({ status: "PENDING", parentId, body: `我的回复 ${run}` });
  });

  test("the author edits and then deletes their comment within 10 minutes", async ({ browser }) => {
    const article = await createSpecArticle();
    const reader = await createRegular(elsewhere);
    const run = Date.now().toString(36);
    const [id] = await insertComments(article, [{ authorId: reader.id, body: `原来的话 ${run}` }]);

    const page = await signedIn(browser, reader, article.path);
    const own = comment(page, `原来的话 ${run}`);
    // one's own comment offers 编辑 and 删除, not 举报
    await expect(own.getByRole("button", { name: "编辑" })).toBeVisible();
    await expect(own.getByRole("button", { name: "举报" })).toHaveCount(0);
    await own.getByRole("button", { name: "编辑" }).click();
    const box = page.getByRole("textbox", { name: "编辑评论" });
    await expect(box).toHaveValue(`原来的话 ${run}`);
    await page.getByRole("button", { name: "取消" }).click();
    await expect(box).toHaveCount(0);
    await own.getByRole("button", { name: "编辑" }).click();
    await box.fill(`改过的话 ${run}`);
    await page.getByRole("button", { name: "保存" }).click();

    const edited = comment(page, `改过的话 ${run}`);
    await expect(edited.getByText("已编辑")).toBeVisible();
    await expect(page.getByText(`原来的话 ${run}`)).toHaveCount(0);
    await expect.poll(async () => (await commentRow(id!))?.body).toBe(`改过的话 ${run}`);
    expect((await commentRow(id!))?.editedAt).not.toBeNull();

    await edited.getByRole("button", { name: "删除" }).click();
    await expect(edited).toContainText("确定删除这条评论吗");
    await edited.getByRole("button", { name: "确定删除" }).click();
    await expect(comment(page, `改过的话 ${run}`)).toHaveCount(0);
    await expect.poll(async () => (await commentRow(id!))?.status).toBe("DELETED");
  });

  test("the report dialog works from the keyboard and has no serious axe violations", async ({ browser }) => {
    const article = await createSpecArticle();
    const [author, reader] = await Promise.all([createRegular(elsewhere), createRegular(elsewhere)]);
    const run = Date.now().toString(36);
    const [id] = await insertComments(article, [{ authorId: author.id, body: `被举报的话 ${run}` }]);

    const page = await signedIn(browser, reader, article.path);
    const target = comment(page, `被举报的话 ${run}`);
    const button = target.getByRole("button", { name: "举报" });
    await button.click();
    const dialog = page.getByRole("dialog", { name: "举报评论" });
    await expect(dialog).toBeVisible();

    const { violations } = await new AxeBuilder({ page }).include("#comments").analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    // Esc closes it and gives focus back to 举报
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    // from the keyboard: the radios, then 其他 without a detail is refused, then with one it goes
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("radio", { name: "垃圾广告" }).focus();
    await page.keyboard.press("Space");
    await expect(dialog.getByRole("radio", { name: "垃圾广告" })).toBeChecked();
    await page.keyboard.press("ArrowUp"); // wraps to the last one: 其他
    await expect(dialog.getByRole("radio", { name: "其他" })).toBeChecked();
    await expect(dialog.getByRole("textbox", { name: "补充说明（必填）" })).toBeVisible();
    await dialog.getByRole("button", { name: "提交举报" }).click();
    expect(await reportsOf(id!)).toEqual([]);
    await dialog.getByRole("textbox", { name: "补充说明（必填）" }).fill(`举报说明 ${run}`);
    await dialog.getByRole("button", { name: "提交举报" }).press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByText("已收到举报，感谢反馈")).toBeVisible();
    expect(await reportsOf(id!)).toEqual([{ reason: "other", detail: `举报说明 ${run}` }]);
  });

  test("45 comments: 20 in the page, the rest by 加载更多 in both orders", async ({ browser }) => {
    const article = await createSpecArticle();
    const author = await createRegular(elsewhere);
    const n = 45;
    await insertComments(
      article,
      Array.from({ length: n }, (_, i) => ({ authorId: author.id, body: `第${i + 1}条评论`, ago: n - i })),
    );
    const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await page.goto(article.path);
    await expect(page.getByTestId("article-comment-count")).toHaveText(`${n} 条评论`);
    await expect(page.getByTestId("comment-total")).toHaveText(`共 ${n} 条评论`);
    const items = page.getByTestId("comment-thread");
    await expect(items).toHaveCount(20);
    await expect(items.first()).toContainText(`第${n}条评论`);

    const more = page.getByRole("button", { name: /^加载更多评论/ });
    await expect(more).toHaveText("加载更多评论（剩余 25 条）");
    await more.click();
    await expect(items).toHaveCount(40);
    await expect(more).toHaveText("加载更多评论（剩余 5 条）");
    await more.click();
    await expect(items).toHaveCount(n);
    await expect(more).toHaveCount(0);
    await expect(items.last()).toContainText("第1条评论");

    await page.getByRole("navigation", { name: "评论排序" }).getByRole("link", { name: "最早" }).click();
    await expect(page).toHaveURL(/order=oldest/);
    await expect(items).toHaveCount(20);
    await expect(items.first()).toContainText("第1条评论");
    await more.click();
    await more.click();
    await expect(items).toHaveCount(n);
    await expect(items.last()).toContainText(`第${n}条评论`);

    // a shared ?order=oldest link opens in that order
    await page.goto(`${article.path}?order=oldest`);
    await expect(items.first()).toContainText("第1条评论");
  });

  test("a closed article says so in the cached HTML instead of showing the form", async ({
    browser,
    request,
  }) => {
    const article = await createSpecArticle({ closed: true });
    const [author, reader] = await Promise.all([createRegular(elsewhere), createRegular(elsewhere)]);
    await insertComments(article, [{ authorId: author.id, body: "关闭前的评论" }]);

    const html = await (await request.get(article.path)).text();
    expect(html).toContain("本文已关闭评论");
    expect(html).toContain("关闭前的评论");

    const page = await signedIn(browser, reader, elsewhere.path);
    await page.goto(article.path);
    await expect(page.getByTestId("comments-closed")).toHaveText("本文已关闭评论");
    await expect(page.getByTestId("comment-form")).toHaveCount(0);
    // replying is closed too; reporting is not (its button also shows the reader's state has arrived)
    const closed = comment(page, "关闭前的评论");
    await expect(closed.getByRole("button", { name: "举报" })).toBeVisible();
    await expect(closed.getByRole("button", { name: "回复" })).toHaveCount(0);
  });
});
