import { expect, request as playwrightRequest, test } from "@playwright/test";
import { authStatePath } from "../auth-state";

/**
 * 集成 › API 令牌 (issue 17): an admin makes a token that can only read articles, copies the secret
 * shown once, a script uses it (read works, publish is 403), the admin revokes it and the very
 * next request is 401. The reference page lists the routes with their scopes.
 */

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("API tokens", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("create, use, see it used, revoke: the next request is refused", async ({ page, baseURL }) => {
    const name = `只读同步 ${stamp()}`;
    await page.goto("/admin/integrations/tokens");
    await expect(page.getByRole("heading", { name: "集成", level: 1 })).toBeVisible();
    const form = page.getByRole("form", { name: "新建 API 令牌" });
    await form.getByLabel("名称").fill(name);
    await form.getByLabel("有效期").selectOption("30");
    // only reading: the default; make sure nothing else is ticked
    await expect(form.getByRole("checkbox", { name: /读取文章/ })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /发布、定时发布/ })).not.toBeChecked();
    await form.getByRole("button", { name: "创建令牌" }).click();
    const secretBox = page.getByTestId("token-secret");
    await expect(secretBox).toHaveText(/^byl_[A-Za-z0-9_-]{43}$/, { timeout: 15_000 });
    const secret = (await secretBox.textContent())!;
    const row = page.getByTestId("token-table").getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("有效");
    await expect(row).toContainText("从未使用");
    await expect(row).toContainText(secret.slice(0, 10));
    // the page never shows the whole secret again
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);

    const api = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const auth = { Authorization: `Bearer ${secret}` };
    const list = await api.get("/api/v1/admin/articles", { headers: auth });
    expect(list.status()).toBe(200);
    const first = ((await list.json()) as { data: { publicId: string }[] }).data[0]!;
    const publish = await api.post(`/api/v1/admin/articles/${first.publicId}/publish`, {
      headers: auth,
      data: { version: 1 },
    });
    expect(publish.status()).toBe(403);
    expect(((await publish.json()) as { error: { message: string } }).error.message).toContain(
      "articles:publish",
    );

    await page.reload();
    await expect(row).not.toContainText("从未使用");
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: `撤销令牌 ${name}` }).click();
    await expect(row).toContainText("已撤销", { timeout: 15_000 });
    const after = await api.get("/api/v1/admin/articles", { headers: auth });
    expect(after.status()).toBe(401);
    expect(((await after.json()) as { error: { message: string } }).error.message).toContain("撤销");
    await api.dispose();
  });

  test("a token form without a scope says what is missing and keeps the name", async ({ page }) => {
    await page.goto("/admin/integrations/tokens");
    const form = page.getByRole("form", { name: "新建 API 令牌" });
    await form.getByLabel("名称").fill("没有权限范围");
    await form.getByRole("checkbox", { name: /读取文章/ }).uncheck();
    await form.getByRole("button", { name: "创建令牌" }).click();
    await expect(form.getByText("请至少选择一个权限范围。").first()).toBeVisible({ timeout: 15_000 });
    await expect(form.getByLabel("名称")).toHaveValue("没有权限范围");
  });

  test("the API reference lists every route with its scope", async ({ page }) => {
    await page.goto("/admin/integrations/api");
    await expect(page.getByRole("heading", { name: "Admin API（需要令牌）" })).toBeVisible();
    const publish = page
      .getByTestId("api-operation")
      .filter({ hasText: "/api/v1/admin/articles/{publicId}/publish" });
    await expect(publish).toContainText("articles:publish");
    await expect(publish.getByRole("row").filter({ hasText: "version" })).toContainText("是");
    await expect(
      page.getByTestId("api-operation").filter({ hasText: "GET/api/v1/articles" }).first(),
    ).toContainText("公开接口");
  });
});
