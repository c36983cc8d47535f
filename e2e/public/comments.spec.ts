import { expect, test } from "@playwright/test";
import { loginAs } from "../account/helpers";
import { commentsOf, createRegular, createSpecArticle } from "./comments-db";
import { translation } from "./seeded-articles";

test.describe("comments", () => {
  test("signed out: approved comments are listed, the form asks for a login", async ({ browser }) => {
    const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
    const a = translation();
    await page.goto(`${a.path}?order=oldest`);
    const form = page.getByTestId("comment-form");
    await expect(form.getByRole("link", { name: "登录" })).toHaveAttribute(
      "href",
      `/login?next=${encodeURIComponent(`${a.path}#comments`)}`,
    );
    await expect(form.getByLabel("评论内容")).toBeDisabled();
    // no image captcha any more, and no proof of work for someone who cannot post
    await expect(form.getByLabel("图形验证码")).toHaveCount(0);
    await expect(form.getByRole("checkbox", { name: "我不是机器人" })).toHaveCount(0);
    await expect(
      page.getByRole("navigation", { name: "评论排序" }).getByRole("link", { name: "最早" }),
    ).toHaveAttribute("aria-current", "true");
    await page.close();
  });

  test("a reader's comment waits for moderation: shown to them as pending, not to others", async ({
    browser,
  }) => {
    const article = await createSpecArticle();
    const reader = await createRegular(await createSpecArticle());
    const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await loginAs(page, reader.email, reader.password);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto(article.path);
    const body = `端到端测试评论 ${Date.now()}`;
    const form = page.getByTestId("comment-form");
    const box = form.getByRole("textbox", { name: `以 ${reader.displayName} 的身份评论` });
    await expect(box).toBeEnabled();
    // one key per composed comment, made in the browser
    await expect(form.locator('input[name="idempotencyKey"]')).toHaveValue(/^[0-9a-f-]{32,36}$/);
    const firstKey = await form.locator('input[name="idempotencyKey"]').inputValue();
    await box.fill(body);
    // a double click posts once: the button is disabled while pending, and the key is the same
    await form.getByRole("button", { name: "发表评论" }).dblclick();
    await expect(form.getByRole("status")).toHaveText(/^已提交，等待审核（.+）$/);
    await expect(box).toHaveValue("");
    await expect(form.locator('input[name="idempotencyKey"]')).not.toHaveValue(firstKey);
    const mine = page.getByTestId("comment").filter({ hasText: body });
    await expect(mine.getByTestId("comment-pending")).toContainText("待审核");
    expect((await commentsOf(reader.id, article.id)).map((c) => c.status)).toEqual(["PENDING"]);

    await page.reload();
    await expect(
      page.getByTestId("comment").filter({ hasText: body }).getByTestId("comment-pending"),
    ).toBeVisible();

    const visitor = await browser.newPage({ storageState: { cookies: [], origins: [] } });
    await visitor.goto(article.path);
    await expect(visitor.getByTestId("comment-form").getByRole("link", { name: "登录" })).toBeVisible();
    await expect(visitor.getByText(body)).toHaveCount(0);
  });
});
