import crypto from "node:crypto";
import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";
import { createAccount, loginAs } from "./helpers";

/**
 * 导出我的数据 (issue 14, privacy): a reader of the spec's own downloads their data from /me/profile
 * and the file holds their comment and none of their secrets; the admin route for privacy
 * requests answers 404 to anyone but an admin.
 */

async function commentAs(email: string, body: string) {
  await withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT id FROM articles WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`,
    );
    await c.query(
      `INSERT INTO comments (id, "articleId", "authorId", body, status, "updatedAt")
       SELECT $1, $2, u.id, $3, 'PENDING', now() FROM users u WHERE u.email = $4`,
      [`e2e-${crypto.randomBytes(6).toString("hex")}`, rows[0]!.id, body, email],
    );
  });
}

const userIdOf = (email: string) =>
  withDb(
    async (c) =>
      (await c.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email])).rows[0]!.id,
  );

test.describe("a reader", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("downloads their data from /me/profile, with their comment and no secrets", async ({ page }) => {
    const { email, password } = await createAccount();
    const body = `导出测试评论 ${crypto.randomBytes(4).toString("hex")}`;
    await commentAs(email, body);
    await loginAs(page, email, password);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto("/me/profile");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出我的数据" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^byline-data-.+\.json$/);
    const text = await fs.readFile((await download.path())!, "utf8");
    const doc = JSON.parse(text);
    expect(doc.account.email).toBe(email);
    expect(doc.comments).toEqual([expect.objectContaining({ body, status: "PENDING" })]);
    expect(text).not.toMatch(/passwordHash|totpSecret|sessionVersion|argon2/);

    const res = await page.request.get("/api/me/export");
    expect(res.headers()["cache-control"]).toContain("no-store");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
  });

  test("gets 404 from the admin export route, even for another reader's id", async ({ page }) => {
    const me = await createAccount();
    const other = await createAccount();
    await loginAs(page, me.email, me.password);
    await expect(page).not.toHaveURL(/\/login/);
    const res = await page.request.get(`/api/admin/users/${await userIdOf(other.email)}/export`);
    expect(res.status()).toBe(404);
    expect(await res.text()).not.toContain(other.email);
  });
});

test.describe("an editor", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("gets 404 from the admin export route", async ({ page }) => {
    const other = await createAccount();
    const res = await page.request.get(`/api/admin/users/${await userIdOf(other.email)}/export`);
    expect(res.status()).toBe(404);
  });
});

test.describe("an admin", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("exports a user's data from /admin/users/[id] for a privacy request", async ({ page }) => {
    const other = await createAccount();
    const id = await userIdOf(other.email);
    await page.goto(`/admin/users/${id}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出此用户的数据" }).click(),
    ]);
    const doc = JSON.parse(await fs.readFile((await download.path())!, "utf8"));
    expect(doc.account).toMatchObject({ id, email: other.email });
  });
});
