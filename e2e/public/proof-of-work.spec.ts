import { expect, test } from "@playwright/test";
import { demoArticles } from "../../prisma/seed/data/articles";
import { publicIdFor } from "../../prisma/seed/lib/images";
import { authStatePath, demoAccount } from "../auth-state";
import { newReader, quietArticle } from "../comments/db";
import { closeContexts, signedIn } from "../comments/flow";
import { collectCspViolations } from "../csp-violations";
import { withDb } from "../db";

/**
 * ALTCHA proof of work (issue 13): the challenge route, and the widget solved in Chromium on an
 * article's comment form under the strict CSP, by keyboard, with the server taking the proof.
 */

// a published article other than the acceptance flow's quiet one, whose threads it counts
const article = demoArticles.find((a) => a.status === "PUBLISHED" && a.key !== quietArticle().key)!;
const articlePath = `/posts/${publicIdFor(article.key)}`;

type Payload = {
  challenge: { parameters: { algorithm: string; data: { uid: string; form: string } } };
  solution: { counter: number; derivedKey: string; time?: number };
};

test.afterEach(closeContexts);

test("the challenge route answers signed-in readers only, uncached, bound to the account and form", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/altcha/challenge?form=comment")).status()).toBe(401);
  await anonymous.dispose();

  const reader = await playwright.request.newContext({ baseURL, storageState: authStatePath("READER") });
  expect((await reader.get("/api/altcha/challenge?form=register")).status()).toBe(400);
  const res = await reader.get("/api/altcha/challenge?form=comment");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toContain("no-store");
  const challenge = (await res.json()) as {
    parameters: Payload["challenge"]["parameters"];
    signature: string;
  };
  const readerId = await withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [
      demoAccount("READER").email,
    ]);
    return rows[0]?.id;
  });
  expect(challenge.parameters.algorithm).toBe("PBKDF2/SHA-256");
  expect(challenge.parameters.data).toEqual({ uid: readerId, form: "comment" });
  expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
  await reader.dispose();
});

test("a new reader solves it by keyboard under the CSP, and the comment is taken", async ({
  browser,
  baseURL,
}) => {
  test.slow(); // a production page, a proof of work and a post on two shared cores
  const account = await newReader();
  const page = await signedIn(browser, account);
  const violations = collectCspViolations(page);
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));

  await page.goto(articlePath);
  const form = page.getByTestId("comment-form");
  const body = `工作量证明的测试评论 ${Date.now()}`;
  await form.getByRole("textbox").fill(body);
  const box = form.getByRole("checkbox", { name: "我不是机器人" });
  await expect(box).toBeVisible();

  // unsolved, the browser itself refuses the submit with our message
  await form.getByRole("button", { name: "发表评论" }).click();
  await expect
    .poll(() => box.evaluate((el) => (el as HTMLInputElement).validationMessage))
    .toBe("请先勾选“我不是机器人”完成人机验证。");

  const started = Date.now();
  await box.focus();
  await page.keyboard.press("Space");
  await expect(form.getByText("已验证")).toBeVisible({ timeout: 30_000 });
  const elapsed = Date.now() - started;

  const field = form.locator('input[type="hidden"][name="altcha"]');
  const payload = JSON.parse(Buffer.from(await field.inputValue(), "base64").toString("utf8")) as Payload;
  expect(payload.challenge.parameters.data).toEqual({ uid: account.id, form: "comment" });
  // the solver ran in a worker from our build, not a blob: or inline one
  expect(workers.length).toBeGreaterThan(0);
  for (const url of workers) expect(url.startsWith(`${baseURL}/_next/static/`), url).toBe(true);
  console.log(
    `proof of work in Chromium: solved in ${payload.solution.time} ms by ${workers.length} workers (counter ${payload.solution.counter}); ${elapsed} ms from key press to 已验证`,
  );

  await form.getByRole("button", { name: "发表评论" }).click();
  await expect(form.getByRole("status")).toContainText("已提交，等待审核");
  const stored = await withDb(async (c) => {
    const { rows } = await c.query<{ status: string }>(
      `SELECT status FROM comments WHERE "authorId" = $1 AND body = $2`,
      [account.id, body],
    );
    return rows.map((r) => r.status);
  });
  expect(stored).toEqual(["PENDING"]);
  expect(violations).toEqual([]);
});
