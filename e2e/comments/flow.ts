import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { loginAs } from "../account/helpers";
import { authStatePath } from "../auth-state";
import type { Account } from "./db";

/**
 * The people of the acceptance flow, each in a browser context of their own, and the few things
 * they do more than once. Waits are conditions with the config's generous timeouts, never sleeps.
 */

const contexts: BrowserContext[] = [];

async function newContext(browser: Browser, storageState: string | { cookies: []; origins: [] }) {
  const context = await browser.newContext({ storageState });
  contexts.push(context);
  return context;
}

/** Closes every context the helpers below opened (call after each test). */
export async function closeContexts() {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
}

/** A context signed in through the real login form as `account`. */
export async function signedIn(browser: Browser, account: Account): Promise<Page> {
  const context = await newContext(browser, { cookies: [], origins: [] });
  const page = await context.newPage();
  await loginAs(page, account.email, account.password);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** The seeded editor (comment.moderate, not an admin) from e2e/.auth. */
export async function editor(browser: Browser): Promise<Page> {
  const context = await newContext(browser, authStatePath("EDITOR"));
  return context.newPage();
}

/** A visitor with no cookies: sees what the page cache serves to everyone. */
export async function signedOut(browser: Browser): Promise<Page> {
  const context = await newContext(browser, { cookies: [], origins: [] });
  return context.newPage();
}

/** A top-level comment's thread (the comment, its replies, the reply form) holding `text`. */
export const threadOf = (page: Page, text: string) =>
  page.getByTestId("comment-thread").filter({ hasText: text });

/** One comment (not its replies) holding `text`: its head, body, badge and buttons. */
export const commentOf = (page: Page, text: string) => page.getByTestId("comment").filter({ hasText: text });

/**
 * Reloads the article until `check` holds: the page is cached HTML regenerated after an
 * invalidation, so the first load after a change may still be the previous render.
 */
export async function pollArticle(page: Page, path: string, check: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        await page.goto(path);
        return check();
      },
      { timeout: 30_000, intervals: [500, 1_000, 2_000] },
    )
    .toBe(true);
}

/**
 * Ticks the ALTCHA widget inside `scope` and waits until the browser has solved the proof of work
 * (the widget's own zh-CN state text). The payload then rides in the form's hidden `altcha` field.
 */
export async function solveProofOfWork(scope: Locator) {
  const box = scope.getByRole("checkbox", { name: "我不是机器人" });
  await expect(box).toBeVisible();
  // a click in the middle of the box, as a mouse user gives it: the widget's check mark lies over
  // the input there and passes the click on (Playwright's check() refuses the covered input)
  await box.scrollIntoViewIfNeeded();
  const at = (await box.boundingBox())!;
  await scope.page().mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  await expect(scope.getByText("已验证")).toBeVisible({ timeout: 30_000 });
  await expect(scope.locator('input[name="altcha"]')).not.toHaveValue("");
}

/** The article's comment form. */
export const composer = (page: Page) => page.getByTestId("comment-form");

export const bodyField = (form: Locator) => form.locator('textarea[name="body"]');

/** The form's own outcome line (the proof-of-work widget has a live region of its own beside it). */
export const outcome = (form: Locator) => form.getByRole("status").filter({ hasText: /^(已发表|已提交)/ });

/** Writes `body` in the form, solves the proof of work when the test says the form asks for it, and posts. */
export async function post(form: Locator, body: string, { proof }: { proof: boolean }) {
  await expect(bodyField(form)).toBeEnabled();
  await bodyField(form).fill(body);
  if (proof) await solveProofOfWork(form);
  await form.getByRole("button", { name: /^(发表评论|发表回复)$/ }).click();
}

/** The moderation queue reached the way an editor reaches it: the 评论审核 link in the staff header. */
export async function openQueueFromHeader(page: Page) {
  await page.goto("/editor");
  const link = page.getByRole("banner").getByRole("link", { name: /评论审核/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/admin\/comments(\?|$)/);
  await expect(page.getByRole("heading", { name: "评论审核" })).toBeVisible();
}

/** Narrows the queue to comments whose text contains `text` (the queue's own 评论内容 filter). */
export async function filterQueueByText(page: Page, text: string) {
  const search = page.getByRole("search", { name: "筛选评论" }).getByLabel("评论内容");
  await search.fill(text);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
}

/** The queue's live region, where every decision is announced. */
export const queueStatus = (page: Page) => page.getByTestId("moderation-status");

export const queueRows = (page: Page) => page.getByTestId("moderation-row");

/**
 * Moves the selection with j until the row holding `text` is the current one. Only rows already
 * narrowed by a filter or tab are walked. The shortcuts listen once the page has hydrated, so j is
 * pressed again until the row is selected (which also tells that the row's buttons now answer).
 */
export async function selectWithKeyboard(page: Page, text: string) {
  const target = queueRows(page).filter({ hasText: text });
  await expect(target).toHaveCount(1);
  // away from the filter field: the shortcuts are ignored while typing
  await page.getByRole("heading", { name: "评论审核" }).click();
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(target).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(target).toBeFocused();
  return target;
}

/** Selects the row holding `text` with j, then decides with `key` (a approve, r reject, s spam). */
export async function decideWithKeyboard(page: Page, text: string, key: "a" | "r" | "s") {
  await selectWithKeyboard(page, text);
  await page.keyboard.press(key);
}
