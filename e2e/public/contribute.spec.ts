import crypto from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { authStatePath, demoAccount, loginThroughForm } from "../auth-state";
import { query } from "../authz/server-actions";

/**
 * 投稿 round trip: a reader submits, follows it under 我的投稿, an editor publishes it from the
 * review queue, and the reader (now a contributor, so signed out by the role change) sees it
 * published. Uses its own fresh reader so the shared READER session of other specs is untouched.
 */

async function freshReader(): Promise<{ email: string; password: string }> {
  const { email: demoEmail, password } = demoAccount("READER");
  const [demo] = await query<{ passwordHash: string }>('select "passwordHash" from users where email = $1', [
    demoEmail,
  ]);
  const id = `e2e-${crypto.randomUUID()}`;
  const email = `contrib-${crypto.randomBytes(4).toString("hex")}@byline.test`;
  // same password as the demo reader (its hash), so the real login form is used below
  await query(
    "insert into users (id, email, \"passwordHash\", role, status, \"updatedAt\") values ($1, $2, $3, 'READER', 'ACTIVE', now())",
    [id, email, demo!.passwordHash],
  );
  await query(
    'insert into profiles ("userId", "publicId", "displayName", "updatedAt") values ($1, $2, $3, now())',
    [id, crypto.randomBytes(4).toString("hex"), "投稿测试读者"],
  );
  return { email, password };
}

async function editorPage(browser: Browser) {
  const ctx = await browser.newContext({ storageState: authStatePath("EDITOR") });
  return ctx.newPage();
}

test("signed-out visitors are asked to sign in first, and come back to the form", async ({ page }) => {
  await page.goto("/contribute");
  await expect(page.getByRole("heading", { name: "投稿", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "登录后投稿" })).toHaveAttribute(
    "href",
    "/login?next=%2Fcontribute",
  );
  await expect(page.getByTestId("contribute-form")).toHaveCount(0);
});

test("a reader submits a contribution, an editor publishes it, the reader sees it published", async ({
  page,
  browser,
}) => {
  test.slow();
  const reader = await freshReader();
  const title = `投稿：云函数权限配置的五个误区 ${crypto.randomBytes(2).toString("hex")}`;
  await loginThroughForm(page, reader.email, reader.password, "/contribute");
  await expect(page.getByTestId("contribute-form")).toBeVisible();

  // bad input first: the typed text must survive the error
  const form = page.getByTestId("contribute-form");
  await form.getByLabel("标题").fill(title);
  await form.getByLabel("栏目").selectOption({ index: 1 });
  await form.getByLabel(/导语/).fill("云函数的权限配置常被忽视，本文总结五个常见误区。");
  await form.getByLabel(/正文/).fill("太短的正文");
  await page.getByRole("button", { name: "提交投稿" }).click();
  await expect(page.locator("#body-error")).toContainText("至少需要 100 个字符");
  await expect(form.getByLabel("标题")).toHaveValue(title);

  const body = [
    "第一个误区是把所有函数共用一个执行角色，一旦某个函数被攻破，攻击者就拿到了全部权限。".repeat(2),
    "第二个误区是在环境变量里明文保存访问密钥，日志与监控系统会把它们带到更多地方。".repeat(2),
  ].join("\n\n");
  await form.getByLabel(/正文/).fill(body);
  await page.getByRole("button", { name: "提交投稿" }).click();
  await expect(page).toHaveURL(/\/me\/contributions\?submitted=1$/);
  await expect(page.getByRole("status")).toContainText("投稿已提交");
  const row = page.getByTestId("contribution-list").getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("审核中");

  const e = await editorPage(browser);
  await e.goto("/editor/review");
  await e.getByRole("link", { name: title }).click();
  await expect(e.getByRole("textbox", { name: "标题", exact: true })).toHaveValue(title, { timeout: 20_000 });
  await e.getByRole("button", { name: "发布", exact: true }).click();
  await expect(e.getByText("已发布", { exact: true }).first()).toBeVisible();
  await e.context().close();

  // promotion to CONTRIBUTOR changed the role: the old session ends, a new sign-in shows the result
  const users = await query<{ role: string }>("select role from users where email = $1", [reader.email]);
  expect(users[0]?.role).toBe("CONTRIBUTOR");
  await page.context().clearCookies();
  await loginThroughForm(page, reader.email, reader.password, "/me/contributions");
  const published = page.getByTestId("contribution-list").getByRole("listitem").filter({ hasText: title });
  await expect(published).toContainText("已发表");
  await published.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("我的评论 shows the empty state, then the reader's own comments with their moderation state", async ({
  browser,
}) => {
  // a fresh reader of our own: the shared READER comments in other specs at the same time
  const reader = await freshReader();
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await loginThroughForm(page, reader.email, reader.password, "/me/comments");
  await expect(page.getByRole("heading", { name: "我的评论" })).toBeVisible();
  await expect(page.getByText("还没有发表过评论")).toBeVisible();

  const [article] = await query<{ id: string }>(
    "select id from articles where status = 'PUBLISHED' order by \"publishedAt\" desc limit 1",
  );
  const [user] = await query<{ id: string }>("select id from users where email = $1", [reader.email]);
  const tag = crypto.randomBytes(3).toString("hex");
  const states = [
    ["PENDING", "待审核"],
    ["APPROVED", "已显示"],
    ["REJECTED", "未通过"],
  ] as const;
  for (const [status] of states) {
    await query(
      'insert into comments (id, "articleId", "authorId", body, status, "updatedAt") values ($1, $2, $3, $4, $5, now())',
      [`e2e-${crypto.randomUUID()}`, article!.id, user!.id, `我的评论 ${status} ${tag}`, status],
    );
  }
  await page.reload();
  const list = page.getByTestId("my-comment-list");
  for (const [status, label] of states) {
    await expect(list.getByRole("listitem").filter({ hasText: `我的评论 ${status} ${tag}` })).toContainText(
      label,
    );
  }
  await expect(page.getByText("还没有发表过评论")).toHaveCount(0);
  await ctx.close();
});
