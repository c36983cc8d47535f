import { expect, test } from "@playwright/test";
import { publicIdFor } from "../../prisma/seed/lib/images";
import { expectNotFound, postIds } from "./helpers";

// the seed derives profile ids from the author key, so the demo profiles have known addresses
const withBio = `/member/${publicIdFor("user:editor-chen", 6)}`;
const withoutBio = `/member/${publicIdFor("user:editor-he", 6)}`;

test.describe("member page", () => {
  test("shows the profile, bio, article count and their articles", async ({ page }) => {
    const res = await page.goto(withBio);
    expect(res?.status()).toBe(200);
    const profile = page.getByTestId("member-profile");
    await expect(profile.getByRole("heading", { level: 1, name: "陈思远" })).toBeVisible();
    await expect(profile).toContainText("值班主编");
    const count = Number(await page.getByTestId("member-article-count").textContent());
    expect(count).toBeGreaterThan(0);
    expect((await postIds(page)).length).toBe(Math.min(count, 20));
    await expect(page.getByRole("link", { name: "订阅作者" })).toHaveAttribute(
      "href",
      /\/member\/\w+\/feed$/,
    );
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "profile");
  });

  test("a missing bio leaves no placeholder", async ({ page }) => {
    await page.goto(withoutBio);
    const profile = page.getByTestId("member-profile");
    await expect(profile.getByRole("heading", { level: 1, name: "何嘉宁" })).toBeVisible();
    await expect(profile.locator("p")).toHaveCount(1); // only the count line
    await expect(profile).not.toContainText(/很懒|简介|什么也没说/);
  });

  test("an author link on the home page leads to their page; unknown members are a 404", async ({ page }) => {
    await page.goto("/");
    const author = page.getByTestId("article-list").locator('a[href^="/member/"]').first();
    const name = (await author.textContent())!.trim();
    await author.click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expectNotFound(page, `/member/z${Date.now().toString(36)}`);
  });

  test("the member feed is RSS", async ({ request }) => {
    const res = await request.get(`${withBio}/feed`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/rss+xml");
    expect(await res.text()).toContain("<title>陈思远 · 署名 Byline</title>");
  });
});
