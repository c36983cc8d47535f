import { expect, request as playwrightRequest, test } from "@playwright/test";
import { authStatePath } from "../auth-state";

test.describe("category management", () => {
  test.use({ storageState: authStatePath("ADMIN") });
  // one at a time: the first test finds its new category as the last row, and the second adds one too
  test.describe.configure({ mode: "serial" });

  test("an admin creates a category, it appears in the public category bar, is deleted while empty; deleting a full one is refused", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36);
    const name = `测试栏目${stamp.slice(-4)}`;
    await page.goto("/admin/categories");
    const form = page.getByTestId("create-category");
    await form.getByLabel("名称").fill(name);
    await form.getByLabel(/URL 标识/).fill(`bad slug ${stamp}`);
    await form.getByRole("button", { name: "新建分类" }).click();
    await expect(form.getByRole("alert")).toContainText("URL 标识只能包含小写字母");
    await form.getByLabel(/URL 标识/).fill(`e2e-${stamp}`);
    await form.getByRole("button", { name: "新建分类" }).click();
    await expect(form.getByText("分类已创建")).toBeVisible();
    await expect(page.getByTestId("category-row").last()).toContainText(name);

    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "栏目" }).getByRole("link", { name })).toHaveAttribute(
      "href",
      `/category/e2e-${stamp}`,
    );

    // e2e/public/home.spec.ts counts the bar's links: remove ours at once (deleting an empty one is allowed)
    await page.goto("/admin/categories");
    const mine = page.getByTestId("category-row").filter({ hasText: name });
    await mine.getByRole("button", { name: /^删除/ }).click();
    await mine.getByRole("button", { name: "确认删除" }).click();
    await expect(page.getByTestId("category-row").filter({ hasText: name })).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "栏目" }).getByRole("link", { name })).toHaveCount(0);

    await page.goto("/admin/categories");
    const full = page.getByTestId("category-row").first();
    await full.getByRole("button", { name: /^删除/ }).click();
    await full.getByRole("button", { name: "确认删除" }).click();
    await expect(full.getByRole("alert")).toContainText("请先把它们移到其他分类");
  });

  test("a category page is cached whole for signed-out readers, and an edit of the category replaces it", async ({
    page,
    baseURL,
  }) => {
    const stamp = Date.now().toString(36);
    const name = `缓存栏目${stamp.slice(-4)}`;
    await page.goto("/admin/categories");
    const form = page.getByTestId("create-category");
    await form.getByLabel("名称").fill(name);
    await form.getByLabel(/URL 标识/).fill(`e2e-cached-${stamp}`);
    await form.getByLabel(/说明/).fill(`第一版说明 ${stamp}`);
    await form.getByRole("button", { name: "新建分类" }).click();
    await expect(form.getByText("分类已创建")).toBeVisible();

    // a reader without the admin's session (a context made here would take the admin's storage
    // state from test.use: an empty one), the page cache answers them. A new one after the edit: the
    // server closes a keep-alive socket idle for 5 s, and a GET sent as it closes is reset.
    const newReader = () =>
      playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    let reader = await newReader();
    const read = async () => {
      const res = await reader.get(`/category/e2e-cached-${stamp}`);
      return { cache: res.headers()["x-byline-cache"], body: await res.text() };
    };
    await expect.poll(async () => (await read()).cache, { timeout: 30_000, intervals: [250] }).toBe("HIT");
    expect((await read()).body).toContain(`第一版说明 ${stamp}`);
    await reader.dispose();

    await page.goto("/admin/categories");
    const mine = page.getByTestId("category-row").filter({ hasText: name });
    await mine.getByRole("button", { name: `编辑「${name}」` }).click();
    await mine.getByLabel(/说明/).fill(`第二版说明 ${stamp}`);
    await mine.getByRole("button", { name: "保存" }).click();
    await expect(mine.getByText("已保存。")).toBeVisible();
    reader = await newReader();
    // the edit invalidates the category's tag: the stored page is dropped, not kept for its 60 s
    await expect
      .poll(async () => (await read()).body, { timeout: 15_000, intervals: [250] })
      .toContain(`第二版说明 ${stamp}`);
    expect((await read()).body).not.toContain(`第一版说明 ${stamp}`);
    await expect.poll(async () => (await read()).cache, { timeout: 30_000, intervals: [250] }).toBe("HIT");
    await reader.dispose();

    // e2e/public/home.spec.ts counts the category bar's links: remove ours (it is empty)
    await page.goto("/admin/categories");
    const row = page.getByTestId("category-row").filter({ hasText: name });
    await row.getByRole("button", { name: /^删除/ }).click();
    await row.getByRole("button", { name: "确认删除" }).click();
    await expect(page.getByTestId("category-row").filter({ hasText: name })).toHaveCount(0);
  });
});
