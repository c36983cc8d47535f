import crypto from "node:crypto";
import { expect, test, type Cookie } from "@playwright/test";
import { SESSION_COOKIE } from "../../lib/auth/cookie-names";
import { demoAccount, loginThroughForm, type DemoRole } from "../auth-state";
import { actionId, articleRow, callAction, query } from "./server-actions";

/**
 * An open session is only as good as the account behind it: suspension and demotion take effect
 * on the next request (lib/auth/session.ts re-reads status, role and session version), well
 * inside the 60 seconds the issue allows. Each test uses its own fresh account.
 *
 * Signing out ends the session on the server too (issue 8, finding 3): a copy of the cookie
 * taken before sign-out is replayed from a fresh browser context and must be signed out.
 */

const BASE = new URL(process.env.BASE_URL ?? "http://localhost:3000");

async function freshUser(role: DemoRole): Promise<{ id: string; email: string; password: string }> {
  const { email: demoEmail, password } = demoAccount("READER");
  const [demo] = await query<{ passwordHash: string }>('select "passwordHash" from users where email = $1', [
    demoEmail,
  ]);
  const id = `e2e-${crypto.randomUUID()}`;
  const email = `revoke-${crypto.randomBytes(4).toString("hex")}@byline.test`;
  await query(
    'insert into users (id, email, "passwordHash", role, status, "updatedAt") values ($1, $2, $3, $4, \'ACTIVE\', now())',
    [id, email, demo!.passwordHash, role],
  );
  await query(
    'insert into profiles ("userId", "publicId", "displayName", "updatedAt") values ($1, $2, $3, now())',
    [id, crypto.randomBytes(4).toString("hex"), "吊销测试"],
  );
  return { id, email, password };
}

test("a suspended reader's open session loses access on the next request", async ({ page }) => {
  const u = await freshUser("READER");
  await loginThroughForm(page, u.email, u.password, "/me/bookmarks");
  await expect(page.getByRole("heading", { name: "我的收藏" })).toBeVisible();
  expect((await (await page.request.get("/api/me")).json()).user?.displayName).toBe("吊销测试");

  await query("update users set status = 'SUSPENDED', \"statusReason\" = 'e2e' where id = $1", [u.id]);

  expect((await (await page.request.get("/api/me")).json()).user).toBeNull();
  await page.goto("/me/bookmarks");
  await expect(page).toHaveURL(/\/login\?next=%2Fme%2Fbookmarks/);
});

test("a demoted editor cannot publish on the next request", async ({ page }) => {
  const u = await freshUser("EDITOR");
  await loginThroughForm(page, u.email, u.password, "/editor");
  await expect(page.getByRole("heading", { name: "我的文章" })).toBeVisible();

  // a draft of someone else's, which an editor may publish
  const draftId = `e2e-draft-${crypto.randomBytes(4).toString("hex")}`;
  const [src] = await query<{ categoryId: number }>(
    "select \"categoryId\" from articles where status = 'PUBLISHED' limit 1",
  );
  await query(
    `insert into articles (id, "publicId", title, lede, "bodyJson", "bodyHtml", "bodyText", status, "authorId", "categoryId", "updatedAt")
     values ($1, $2, '降级测试稿', '', '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"正文"}]}]}', '<p>正文</p>', '正文', 'IN_REVIEW', 'seed-user-contributor-wang', $3, now())`,
    [draftId, crypto.randomBytes(3).toString("hex"), src!.categoryId],
  );
  await query("update users set role = 'READER' where id = $1", [u.id]);

  const origin = new URL(process.env.BASE_URL ?? "http://localhost:3000").origin;
  const r = await callAction(page.request, {
    pagePath: `/editor/articles/${draftId}`,
    id: actionId("app/(editor)/editor/articles/actions.ts", "publishArticleAction"),
    args: [{ id: draftId }],
    origin,
  });
  expect(r.result.ok).not.toBe(true);
  expect((await articleRow(draftId)).status).toBe("IN_REVIEW");
});

test("signing out through the menu ends the session on the server and lands on SITE_URL", async ({
  page,
  browser,
}) => {
  const u = await freshUser("READER");
  await loginThroughForm(page, u.email, u.password, "/me/bookmarks");
  await expect(page.getByRole("heading", { name: "我的收藏" })).toBeVisible();
  const copy: Cookie[] = (await page.context().cookies()).filter((c) => SESSION_COOKIE.test(c.name));
  expect(copy).toHaveLength(1);

  await page.getByRole("button", { name: /的账户菜单/ }).click();
  await page.getByRole("button", { name: "退出登录" }).click();
  // Auth.js built this redirect from the bind address (http://0.0.0.0:PORT) before (finding 7b)
  await page.waitForURL((url) => url.pathname === "/", { waitUntil: "commit" });
  expect(new URL(page.url()).origin).toBe(BASE.origin);
  expect((await (await page.request.get("/api/me")).json()).user).toBeNull();

  // the copy taken before signing out, replayed from a browser that never signed out
  const replay = await browser.newContext({
    baseURL: BASE.origin,
    storageState: { cookies: copy, origins: [] },
  });
  try {
    expect((await (await replay.request.get("/api/me")).json()).user).toBeNull();
    const again = await replay.newPage();
    await again.goto("/me/bookmarks");
    await expect(again).toHaveURL(/\/login\?next=%2Fme%2Fbookmarks/);
  } finally {
    await replay.close();
  }
});
