import { expect, test } from "@playwright/test";
import { authStatePath, type DemoRole } from "../auth-state";

/**
 * Staff pages a role may not see answer 404, status and page alike (issue 8, finding 7a): before,
 * a reader got 200 with a refusal streamed into the staff shell, which confirmed the page exists.
 * Signed-out visitors are still sent to the login page. One request per URL, with the storage
 * state of each seeded role; the body must be the site's not-found page, without staff chrome.
 */

const CASES: [DemoRole, string[]][] = [
  [
    "READER",
    [
      "/editor",
      "/editor/articles/new",
      "/editor/review",
      "/editor/articles/seed-article-l-draft-contributor-sms",
      "/admin",
      "/admin/users",
      "/admin/comments",
      "/admin/audit?actor=x",
      "/admin/tags",
      "/admin/navigation",
      "/admin/transfer",
    ],
  ],
  ["CONTRIBUTOR", ["/admin", "/admin/comments", "/admin/settings", "/admin/pages/about", "/editor/review"]],
  ["TRANSLATOR", ["/admin", "/admin/users", "/admin/categories", "/admin/tags", "/editor/review"]],
  [
    "EDITOR",
    [
      "/admin/comments/rules",
      "/admin/users",
      "/admin/settings",
      "/admin/audit",
      "/admin/pages",
      "/admin/pages/privacy",
      "/admin/pages/privacy/revisions/x",
      "/admin/navigation",
      "/admin/transfer",
    ],
  ],
];

for (const [role, urls] of CASES) {
  test.describe(`${role.toLowerCase()}`, () => {
    test.use({ storageState: authStatePath(role) });

    test(`gets 404 on ${urls.length} staff URLs it may not open`, async ({ page }) => {
      for (const url of urls) {
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(404);
        await expect(page.getByTestId("not-found"), url).toBeVisible();
        await expect(page.getByRole("navigation", { name: /管理后台导航|工作台导航/ }), url).toHaveCount(0);
      }
    });
  });
}

test.describe("the roles that may open them", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor still opens the workspace, the review queue and comment moderation", async ({ page }) => {
    for (const url of ["/editor", "/editor/review", "/admin/comments"]) {
      expect((await page.goto(url))?.status(), url).toBe(200);
      await expect(page.getByTestId("not-found"), url).toHaveCount(0);
    }
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("is still sent to the login page", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
    await page.goto("/editor/review");
    await expect(page).toHaveURL(/\/login\?next=%2Feditor%2Freview$/);
  });
});

test.describe("the not-found page's chrome", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  // the public group's boundary (app/(public)/not-found.tsx) renders inside its layout's chrome and
  // the root one (app/not-found.tsx) brings its own: each must show the header and footer once
  test("has one header and one footer on a missing article and on an unmatched URL", async ({ page }) => {
    for (const url of ["/posts/zzzzz", "/no/such/page"]) {
      expect((await page.goto(url))?.status(), url).toBe(404);
      await expect(page.getByTestId("not-found"), url).toBeVisible();
      await expect(page.getByRole("banner"), url).toHaveCount(1);
      await expect(page.getByRole("contentinfo"), url).toHaveCount(1);
      await expect(page.getByRole("search", { name: "查找其他内容" }), url).toBeVisible();
    }
  });
});
