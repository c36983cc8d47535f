import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoAccount, loginThroughForm, type DemoRole } from "../auth-state";
import { actionId, articleRow, callAction, query } from "./server-actions";

/**
 * An open session is only as good as the account behind it: suspension and demotion take effect
 * on the next request (lib/auth/session.ts re-reads status, role and session version), well
 * inside the 60 seconds the issue allows. Each test uses its own fresh account.
 */

async function freshUser(role: DemoRole): Promise<{ id: string; email: string; password: string }> {
  const { email: demoEmail, password } = demoAccount("READER");
  const [demo] = await query<{ passwordHash: string }>('select "passwordHash" from users where email = $1', [demoEmail]);
  const id = `e2e-${crypto.randomUUID()}`;
  const email = `revoke-${crypto.randomBytes(4).toString("hex")}@byline.test`;
  await query('insert into users (id, email, "passwordHash", role, status, "updatedAt") values ($1, $2, $3, $4, \'ACTIVE\', now())', [id, email, demo!.passwordHash, role]);
  await query('insert into profiles ("userId", "publicId", "displayName", "updatedAt") values ($1, $2, $3, now())', [id, crypto.randomBytes(4).toString("hex"), "吊销测试"]);
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
  const [src] = await query<{ categoryId: number }>('select "categoryId" from articles where status = \'PUBLISHED\' limit 1');
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
