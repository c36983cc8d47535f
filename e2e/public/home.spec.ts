import { expect, test } from "@playwright/test";
import { categories } from "../../prisma/seed/data/categories";
import { authStatePath } from "../auth-state";
import { expectNoSeriousA11yViolations, loadedCover, postIds, waitForUserArea } from "./helpers";

test.describe("home page", () => {
  test("shows the lead story, featured, latest, hot, category blocks and comments, with metadata", async ({
    page,
  }) => {
    const res = await page.goto("/");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveTitle(/署名 Byline/);
    await expect(page.getByTestId("lead-story")).toBeVisible();
    await expect(page.getByTestId("featured-stories").getByRole("listitem")).not.toHaveCount(0);
    expect((await postIds(page)).length).toBeGreaterThanOrEqual(10);
    await expect(page.locator("#hot").getByRole("heading", { name: "热门文章" })).toBeVisible();
    await expect(page.getByTestId("hot-list").getByRole("listitem")).not.toHaveCount(0);
    await expect(page.getByTestId("category-block")).not.toHaveCount(0);
    await expect(page.getByRole("heading", { name: "最新评论" })).toBeVisible();

    // the category bar lists every seeded category, in order; e2e/admin/categories.spec.ts may add
    // and remove an e2e-* category of its own meanwhile, which is the only other link allowed
    const bar = page.getByRole("navigation", { name: "栏目" }).getByRole("link");
    const hrefs = await bar.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((h) => !h.startsWith("/category/e2e-"))).toEqual(
      categories.map((c) => `/category/${c.slug}`),
    );
    // and the footer reads settings
    const footer = page.locator("footer");
    await expect(footer.getByRole("link", { name: "隐私政策" })).toHaveAttribute("href", "/page/privacy");
    await expect(footer.getByRole("link", { name: /ICP/ })).toBeVisible();

    const head = page.locator("head");
    await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", /^https?:\/\/[^/]+\/?$/);
    await expect(head.locator('meta[property="og:title"]')).toHaveAttribute("content", /署名 Byline/);
    await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute("content", /summary/);
    await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      /\/feed$/,
    );
    await waitForUserArea(page);
    await expectNoSeriousA11yViolations(page);
  });

  test("covers load a 480 px rendition on a phone, not the full-size upload; thumbnails need no srcset", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    // the seeded covers are 1200 px uploads with 480, 960 and 1200 px renditions; these slots are
    // at most 375 CSS px wide at a device pixel ratio of 1
    for (const img of [
      page.getByTestId("lead-story").locator("img"),
      page.getByTestId("category-block").locator("img").first(),
    ]) {
      const { chosen, offered } = await loadedCover(img);
      expect(Object.values(offered)).toEqual([480, 960, 1200]);
      expect(offered[chosen]).toBe(480);
    }
    // a thumbnail (8rem here) is its narrowest rendition alone (the river's are hidden on a phone)
    const thumb = page.getByTestId("featured-stories").locator("img").first();
    await expect(thumb).not.toHaveAttribute("srcset");
    await expect
      .poll(() => thumb.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(480);
    await page.setViewportSize({ width: 1280, height: 900 });
    const riverThumb = page.getByTestId("article-list").locator("img").first();
    await riverThumb.scrollIntoViewIfNeeded();
    await expect
      .poll(() => riverThumb.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(480);
  });

  test("加载更多 pages by keyset: the next page shares no article with the first", async ({ page }) => {
    await page.goto("/");
    const first = await postIds(page);
    await page.getByTestId("load-more").click();
    await expect(page).toHaveURL(/\/latest\?before=[0-9a-z]+\.[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "最新文章" })).toBeVisible();
    // the list streams in after the heading (Suspense on ?before=): wait for it, not just the shell
    await expect(page.getByTestId("article-list").locator(":is(h2, h3) > a").first()).toBeVisible();
    const second = await postIds(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    await expect(page.getByRole("link", { name: "回到最新" })).toBeVisible();
  });

  test("on a phone what lies below the first screen waits until the reader nears it; /#hot still lands on 热门文章", async ({
    page,
  }) => {
    // rendered: not inside content the browser is skipping (content-visibility: auto)
    const rendered = (el: Element) => el.checkVisibility({ contentVisibilityAuto: true });
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto("/");
    await expect(page.getByTestId("lead-story")).toBeVisible();
    const rows = page.getByTestId("article-list").locator(":scope > li");
    const late = rows.nth(9);
    const footer = page.locator("footer");
    const block = page.getByTestId("category-block").first();
    const aside = page.getByRole("complementary", { name: "侧栏" });
    const hot = page.locator("#hot h2");
    // the premise: each lies well past the first screen and the browser's margin around it
    for (const el of [late, footer, block, aside])
      expect((await el.boundingBox())?.y).toBeGreaterThan(2 * 667);
    // what is inside each is skipped (the deferred element itself is a box of its estimated height)
    const title = late.locator(":is(h2, h3) > a");
    const inside = [title, footer.getByRole("navigation", { name: "关于本站" }), block.locator("h3"), hot];
    for (const el of inside) expect(await el.evaluate(rendered)).toBe(false);
    // the first row is drawn at once; a skipped one is drawn once the reader scrolls to it
    expect(await rows.first().locator(":is(h2, h3) > a").evaluate(rendered)).toBe(true);
    await late.scrollIntoViewIfNeeded();
    await expect.poll(() => title.evaluate(rendered)).toBe(true);
    // a row is paint-contained: its title's focus outline (2 px, offset 2 px) fits inside it
    await title.focus();
    const [row, link] = await Promise.all([late.boundingBox(), title.boundingBox()]);
    expect(link!.x - 4).toBeGreaterThanOrEqual(row!.x);

    // the 导读 menu's 热门 link jumps into the skipped side column: it lands on 热门文章, drawn
    await page.goto("about:blank");
    await page.goto("/#hot");
    await expect(page.locator("#hot").getByRole("heading", { name: "热门文章" })).toBeInViewport();
    await expect.poll(() => hot.evaluate(rendered)).toBe(true);
  });

  test("the 导读 menu works from the keyboard", async ({ page }) => {
    await page.goto("/");
    const button = page.getByRole("button", { name: "导读" });
    await button.focus();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("ArrowDown");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("link", { name: /^专题/ })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("link", { name: /^热门/ })).toBeFocused();
    const menu = page.locator(`#${await button.getAttribute("aria-controls")}`);
    await expect(menu.getByRole("link", { name: /^RSS/ })).toHaveAttribute("href", "/feed");
    await expect(menu.getByRole("link", { name: /^专题/ })).toHaveAttribute("href", /^\/tag/);
    await page.keyboard.press("Escape");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu.getByRole("link", { name: /^投稿/ })).toBeVisible();
    await page.keyboard.press("Tab"); // into the menu…
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab"); // …and out of it: the menu closes
    await expect(menu).toBeHidden();
  });

  test("at 375 px the header folds into a menu button", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/");
    // the user area loads client-side into the folded (hidden) menu: wait until it is there
    const header = page.locator("header");
    await expect(
      header
        .getByRole("link", { name: "登录", includeHidden: true })
        .or(header.getByRole("button", { name: /账户菜单/, includeHidden: true })),
    ).toBeAttached();
    const toggle = page.getByRole("button", { name: "打开菜单" });
    await expect(toggle).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "搜索文章" })).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await testInfo.attach("home-375px", {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
    await toggle.click();
    await expect(page.getByRole("searchbox", { name: "搜索文章" })).toBeVisible();
    await expect(page.getByRole("button", { name: "关闭菜单" })).toHaveAttribute("aria-expanded", "true");
  });
});

test.describe("home page, signed in", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("the user menu comes from /api/me, and the server HTML stays the same for everyone", async ({
    page,
  }) => {
    await page.goto("/");
    const account = page.locator("header").getByRole("button", { name: /账户菜单/ });
    await account.click();
    await expect(page.getByRole("link", { name: "我的收藏" })).toHaveAttribute("href", "/me/bookmarks");
    await expect(page.getByRole("link", { name: "我的评论" })).toHaveAttribute("href", "/me/comments");
    await expect(page.getByRole("link", { name: "编辑后台" })).toHaveAttribute("href", "/editor");
    await expect(page.getByRole("link", { name: "管理后台" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();

    // the signed-in request gets the same shared HTML: no name, no menu rendered on the server
    const { user } = await (await page.request.get("/api/me")).json();
    const html = await (await page.request.get("/")).text();
    expect(html).not.toContain("退出登录");
    expect(user.displayName).toBeTruthy();
    expect(html).not.toContain("账户菜单");
  });
});

test.describe("home page, admin", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("an admin also gets 管理后台", async ({ page }) => {
    await page.goto("/");
    await page
      .locator("header")
      .getByRole("button", { name: /账户菜单/ })
      .click();
    await expect(page.getByRole("link", { name: "管理后台" })).toHaveAttribute("href", "/admin");
  });
});
