import { expect, test, type Page } from "@playwright/test";
import { authStatePath, type DemoRole } from "../auth-state";

/**
 * The Content-Security-Policy (proxy.ts, lib/security/headers.ts) must let every page of ours run.
 * Per-response nonces are implemented (scripts/lib/script-nonce.mjs) but off by default until
 * Next.js' runtime prerenders can read a nonce; see docs/security.md.
 */

/** CSP violations, and any script error: a page whose scripts ran but broke is no better than a blocked one. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text().slice(0, 300));
  });
  page.on("pageerror", (e) => violations.push(`page error: ${e.message.slice(0, 300)}`));
  return violations;
}

async function expectWorkingPage(page: Page, path: string) {
  // hydrated: the client router exists only when Next.js' scripts ran
  expect(await page.evaluate(() => typeof (window as { next?: unknown }).next), path).toBe("object");
  await expect(page.getByRole("heading", { name: "页面暂时无法显示" }), path).toHaveCount(0);
}

async function firstArticlePath(page: Page): Promise<string> {
  await page.goto("/");
  const href = await page.locator('a[href^="/posts/"]').first().getAttribute("href");
  if (!href) throw new Error("no article link on the home page");
  return href;
}

test.describe("CSP on public pages", () => {
  test("pages hydrate with zero violations under the policy", async ({ page }) => {
    test.slow(); // eight full page loads
    const article = await firstArticlePath(page);
    const violations = collectCspViolations(page);
    for (const path of ["/", article, "/category/vulnerabilities", "/search?q=勒索", "/tag", "/login", "/register", "/no-such-page"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectWorkingPage(page, path);
    }
    expect(violations).toEqual([]);

    const csp = (await page.request.get(article)).headers()["content-security-policy"];
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'"]) expect(csp).toContain(d);
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
