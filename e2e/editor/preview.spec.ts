import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { draft } from "../public/seeded-articles";
import { expirePreviewLink } from "./preview-db";

const article = draft();
const editUrl = `/editor/articles/seed-article-${article.key}`;
const heading = article.blocks.flatMap((b) => (b.type === "h2" ? [b.text] : []))[0];
if (!heading) throw new Error("the seeded draft has no h2 to look for");

const noindex = (page: Page) => page.locator('meta[name="robots"][content*="noindex"]').first();

/** A browser with no cookies at all: someone without an account who was sent the link. */
async function stranger(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/** 生成预览链接 in the panel; returns the link's path (the shown address uses SITE_URL's host). */
async function createLink(page: Page) {
  const box = page.getByRole("textbox", { name: /新的预览链接/ });
  // the box still shows the previous new link until the next one arrives: wait for a different one
  const before = (await box.count()) ? await box.inputValue() : "";
  await page.getByRole("button", { name: "生成预览链接" }).click();
  await expect(box).toHaveValue(/\/preview\/[\w-]{43}$/, { timeout: 20_000 });
  await expect.poll(() => box.inputValue(), { timeout: 20_000 }).not.toBe(before);
  return new URL(await box.inputValue()).pathname;
}

test.use({ storageState: authStatePath("EDITOR") });

test("an editor previews a draft as readers will see it, never cached", async ({ page }) => {
  const res = await page.goto(`${editUrl}/preview`);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["cache-control"]).toContain("no-store");
  const banner = page.getByTestId("preview-banner");
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText("草稿");
  await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
  await expect(page.getByTestId("article").locator(".article-body")).toContainText(heading);
  await expect(page.getByText(article.lede)).toBeVisible();
  await expect(noindex(page)).toBeAttached();
  // what belongs to a live article is left out
  await expect(page.getByRole("button", { name: /收藏/ })).toHaveCount(0);
});

test("a preview link opens the draft without an account until it is revoked or expires", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto(editUrl);
  const panel = page.getByTestId("preview-panel");
  await panel.locator("summary").click();
  await expect(panel.getByRole("button", { name: "生成预览链接" })).toBeVisible({ timeout: 20_000 });
  const axe = await new AxeBuilder({ page }).include('[data-testid="preview-panel"]').analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => v.id)).toEqual([]);

  const revoked = await createLink(page);
  const guest = await stranger(browser);
  const res = await guest.goto(revoked);
  expect(res?.status()).toBe(200);
  const headers = res!.headers();
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["cache-control"]).toContain("private");
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  await expect(guest.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
  await expect(guest.getByTestId("preview-banner")).toContainText("草稿");
  await expect(noindex(guest)).toBeAttached();

  // 撤销: the link is dead at once, with a real 404
  const row = panel.getByTestId("preview-link-row").filter({ hasText: "有效" }).first();
  await row.getByRole("button", { name: /撤销/ }).click();
  await expect(panel.getByTestId("preview-link-row").filter({ hasText: "已撤销" }).first()).toBeVisible();
  const gone = await guest.goto(revoked);
  expect(gone?.status()).toBe(404);
  await expect(guest.getByTestId("not-found")).toBeVisible();
  await expect(guest.getByRole("heading", { level: 1, name: article.title })).toHaveCount(0);

  // an expired link answers the same
  const expiring = await createLink(page);
  expect((await guest.goto(expiring))?.status()).toBe(200);
  await expirePreviewLink(expiring.split("/").at(-1)!);
  expect((await guest.goto(expiring))?.status()).toBe(404);
  // and a token that was never issued
  expect((await guest.goto(`/preview/${"x".repeat(43)}`))?.status()).toBe(404);
  expect((await guest.goto("/preview/not-a-token"))?.status()).toBe(404);
});
