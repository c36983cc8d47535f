import { expect, test, type APIRequest, type Page } from "@playwright/test";
import { authStatePath, type DemoRole } from "../auth-state";
import { collectCspViolations } from "../csp-violations";

/**
 * The Content-Security-Policy with per-response nonces (proxy.ts + server/nonce-rewrite.mjs)
 * must let every page of ours run, and nothing else.
 */

async function expectWorkingPage(page: Page, path: string) {
  // hydrated: the client router exists only when Next.js' scripts ran
  expect(await page.evaluate(() => typeof (window as { next?: unknown }).next), path).toBe("object");
  await expect(page.getByRole("heading", { name: "页面暂时无法显示" }), path).toHaveCount(0);
}

/**
 * Signed-out readers get public pages from the page cache, with a hash policy and unchanged bytes
 * (server/page-cache.mjs, e2e/public/page-cache.spec.ts); every signed-in response takes the
 * per-response nonce path these checks are about.
 */
const signedIn = (request: APIRequest, baseURL: string | undefined) =>
  request.newContext({ baseURL, storageState: authStatePath("READER") });

async function firstArticlePath(page: Page): Promise<string> {
  await page.goto("/");
  const href = await page.locator('a[href^="/posts/"]').first().getAttribute("href");
  if (!href) throw new Error("no article link on the home page");
  return href;
}

test.describe("CSP on public pages", () => {
  test("pages hydrate with zero violations, and each response has its own nonce", async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.slow(); // eight full page loads
    const article = await firstArticlePath(page);
    const violations = collectCspViolations(page);
    for (const path of [
      "/",
      article,
      "/category/vulnerabilities",
      "/search?q=勒索",
      "/tag",
      "/login",
      "/register",
      "/no-such-page",
    ]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectWorkingPage(page, path);
    }
    expect(violations).toEqual([]);

    const reader = await signedIn(playwright.request, baseURL);
    const a = (await reader.get(article)).headers()["content-security-policy"];
    const b = (await reader.get(article)).headers()["content-security-policy"];
    expect(a).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'sha256-[^']+' 'strict-dynamic'/);
    expect(a).toContain("object-src 'none'");
    expect(a).toContain("base-uri 'none'");
    expect(a).toContain("frame-ancestors 'none'");
    expect(a).toContain("form-action 'self'");
    expect(a).not.toContain("unsafe-inline' ;");
    expect(a?.match(/nonce-([^']+)/)?.[1]).not.toBe(b?.match(/nonce-([^']+)/)?.[1]);
  });

  test("the HTML never carries the render placeholder, only this response's nonce", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const article = await firstArticlePath(page);
    const res = await (await signedIn(playwright.request, baseURL)).get(article);
    const nonce = res.headers()["content-security-policy"]?.match(/nonce-([^']+)/)?.[1];
    const html = await res.text();
    const nonces = new Set([...html.matchAll(/ nonce="([^"]+)"/g)].map((m) => m[1]));
    expect(nonces).toEqual(new Set([nonce]));
  });

  test("an inline script injected into the page does not run, the page's own scripts do", async ({
    page,
  }) => {
    const article = await firstArticlePath(page);
    const violations = collectCspViolations(page);
    await page.route(article, async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(
        "</body>",
        '<script>window.__injected = true</script><img src="x" onerror="window.__injected = true"></body>',
      );
      // the body is decoded text now: drop the encoding and length of the original
      const headers = Object.fromEntries(
        Object.entries(res.headers()).filter(([k]) => k !== "content-encoding" && k !== "content-length"),
      );
      await route.fulfill({ status: res.status(), headers, body });
    });
    await page.goto(article);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await page.evaluate(() => typeof (window as { next?: unknown }).next)).toBe("object");
    expect(violations.length).toBeGreaterThan(0);
  });

  test("a page Next.js regenerates after an invalidation still runs its scripts, and only those", async ({
    browser,
  }) => {
    // An admin's settings change invalidates the site chrome on every cached page; the pages are
    // then rendered again without a request, and their new inline scripts must be trusted
    // (server/trusted-inline-scripts.mjs), or the page would not hydrate.
    test.slow();
    const admin = await browser.newContext({ storageState: authStatePath("ADMIN") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/settings");
    const form = adminPage.getByTestId("settings-form");
    // the copyright line: no other spec changes it, so parallel specs cannot overwrite it
    const mark = `© 2026 署名 Byline 再生成检查 ${Date.now()}`;
    await form.getByLabel("页脚版权信息").fill(mark);
    await form.getByRole("button", { name: "保存设置" }).click();
    await expect(form.getByText("设置已保存")).toBeVisible();
    await admin.close();

    const reader = await browser.newContext();
    const page = await reader.newPage();
    const violations = collectCspViolations(page);
    const article = await firstArticlePath(page);
    for (const path of ["/", article, "/category/vulnerabilities", "/page/privacy"]) {
      // the first request may still get the old page while the new one renders
      await expect
        .poll(async () => (await page.request.get(path)).text(), { timeout: 20_000 })
        .toContain(mark);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("footer")).toContainText(mark);
      await expectWorkingPage(page, path);
    }
    expect(violations).toEqual([]);
    await reader.close();
  });

  test("pages on the nonce path are never answered 304: the browser would reuse a body with an earlier nonce", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const article = await firstArticlePath(page);
    const res = await (
      await signedIn(playwright.request, baseURL)
    ).get(article, {
      headers: { "if-none-match": "*", "if-modified-since": new Date(Date.now() + 86_400_000).toUTCString() },
    });
    expect(res.status()).toBe(200);
    expect(res.headers()["etag"]).toBeUndefined();
    // reloading keeps the page working (a 304 here blocked every script)
    const violations = collectCspViolations(page);
    await page.goto(article);
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expectWorkingPage(page, article);
    expect(violations).toEqual([]);
  });

  test("security headers on every response", async ({ request }) => {
    for (const path of ["/", "/api/health", "/feed"]) {
      const h = (await request.get(path)).headers();
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"], path).toContain("camera=()");
      expect(h["permissions-policy"], path).toContain("geolocation=()");
    }
  });
});

for (const [role, paths] of [
  ["EDITOR", ["/editor", "/editor/articles/new", "/editor/review"]],
  ["ADMIN", ["/admin", "/editor"]],
  ["READER", ["/me/bookmarks", "/me/comments", "/me/contributions", "/contribute", "/editor"]],
] as [DemoRole, string[]][]) {
  test.describe(`CSP on signed-in pages (${role})`, () => {
    test.use({ storageState: authStatePath(role) });
    test("per-user pages hydrate with zero violations and no script errors", async ({ page }) => {
      test.slow();
      const violations = collectCspViolations(page);
      for (const path of paths) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await expectWorkingPage(page, path);
      }
      expect(violations).toEqual([]);
    });
  });
}
