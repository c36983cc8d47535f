import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** Fails on any serious or critical axe violation, listing the rule ids and the offending nodes. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = serious.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
  expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

/**
 * The /posts/<publicId> links of a list, in order, once the list is there: lists stream in after the page's shell (a
 * Suspense boundary on ?before=), and after a client-side navigation the skeleton shows first, so
 * reading at once can see no rows. Every caller expects a non-empty list; an empty state fails here.
 */
export async function postIds(page: Page, testId = "article-list"): Promise<string[]> {
  const links = page.getByTestId(testId).locator(":is(h2, h3) > a");
  await expect(links.first()).toBeVisible({ timeout: 15_000 });
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.replace(/^\/posts\//, ""));
}

/**
 * An unknown slug is not found. Next.js (16.3+, cacheComponents) answers the very first request for
 * an unlisted param from the route's static shell, so that one is a "soft" 404 (status 200, noindex,
 * the not-found UI); the result is stored and every later request gets a real 404.
 */
export async function expectNotFound(page: Page, url: string) {
  const res = await page.goto(url);
  expect([200, 404]).toContain(res?.status());
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
  await expect.poll(async () => (await page.request.get(url)).status()).toBe(404);
}

/** The user area has asked /api/me and rendered its final state (登录 link or the account button). */
export async function waitForUserArea(page: Page) {
  await expect(
    page
      .locator("header")
      .getByRole("link", { name: "登录" })
      .or(page.locator("header").getByRole("button", { name: /账户菜单/ })),
  ).toBeVisible();
}

/**
 * A cover once its picture has loaded: the file the browser chose (currentSrc's path) and the
 * widths its <picture>'s WebP source offered, by URL path. (naturalWidth is no help: for a srcset
 * candidate it is the width in CSS pixels, the file's divided by its density.)
 */
export async function loadedCover(img: Locator) {
  await img.scrollIntoViewIfNeeded();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), {
      timeout: 15_000,
    })
    .toBe(true);
  return img.evaluate((el: HTMLImageElement) => ({
    chosen: new URL(el.currentSrc).pathname,
    offered: Object.fromEntries(
      (el.parentElement?.querySelector("source[type='image/webp']")?.getAttribute("srcset") ?? "")
        .split(", ")
        .filter(Boolean)
        .map((entry) => [entry.split(" ")[0]!, Number.parseInt(entry.split(" ")[1]!, 10)]),
    ) as Record<string, number>,
  }));
}
