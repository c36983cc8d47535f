import { expect, test } from "@playwright/test";
import { authStatePath, demoAccount } from "../auth-state";
import { original } from "./seeded-articles";

test.describe("收藏 as the seeded reader", () => {
  test.use({ storageState: authStatePath("READER") });

  test("bookmark round trip: article → /me/bookmarks → remove", async ({ page }) => {
    const a = original();
    await page.goto(a.path);
    const button = page.getByTestId("bookmark-button");
    await expect(button).not.toHaveAttribute("data-state", "loading");
    if ((await button.getAttribute("data-state")) === "on") {
      await button.click(); // leftover from an earlier run: start from "not bookmarked"
      await expect(button).toHaveAttribute("data-state", "off");
    }
    await button.click();
    await expect(button).toHaveAttribute("data-state", "on");
    await expect(button).toHaveAttribute("aria-pressed", "true");

    await page.reload();
    await expect(page.getByTestId("bookmark-button")).toHaveAttribute("data-state", "on");

    await page.goto("/me/bookmarks");
    const list = page.getByTestId("bookmark-list");
    await expect(list.getByRole("link", { name: a.title })).toBeVisible();

    await list.getByRole("button", { name: `取消收藏：${a.title}` }).click();
    await expect(page.getByRole("link", { name: a.title })).toHaveCount(0);
    await page.goto(a.path);
    await expect(page.getByTestId("bookmark-button")).toHaveAttribute("data-state", "off");
  });
});

test.describe("收藏 signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sends the reader to log in and back to the article", async ({ page }) => {
    const a = original();
    await page.goto(a.path);
    const button = page.getByTestId("bookmark-button");
    await expect(button).toHaveAttribute("data-state", "signed-out");
    await button.click();
    await expect(page).toHaveURL(
      new RegExp(`/login\\?next=${encodeURIComponent(a.path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    );
    const reader = demoAccount("READER");
    await page.getByLabel("邮箱").fill(reader.email);
    await page.getByLabel("密码", { exact: true }).fill(reader.password);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${a.path}$`));
    await expect(page.getByTestId("bookmark-button")).not.toHaveAttribute("data-state", "signed-out");
  });

  test("/me/bookmarks asks for a login", async ({ page }) => {
    await page.goto("/me/bookmarks");
    await expect(page).toHaveURL(/\/login\?next=%2Fme%2Fbookmarks/);
  });

  test("the API refuses anonymous and cross-site writes", async ({ request }) => {
    const a = original();
    const origin = new URL(process.env.BASE_URL ?? "http://localhost:3000").origin;
    expect((await request.post(`/api/bookmarks/${a.publicId}`, { headers: { origin } })).status()).toBe(401);
    // without any Origin the CSRF wall answers first
    expect((await request.post(`/api/bookmarks/${a.publicId}`)).status()).toBe(403);
    const cross = await request.post(`/api/bookmarks/${a.publicId}`, {
      headers: { origin: "https://evil.example" },
    });
    expect(cross.status()).toBe(403);
  });
});
