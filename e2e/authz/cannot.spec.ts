import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import crypto from "node:crypto";
import { actionId, articleRow, callAction, callFormAction, query } from "./server-actions";

/**
 * What each role must NOT be able to do, tried the way an attacker would: opening staff URLs
 * directly and POSTing to server actions without any page. Every refusal is checked twice: the
 * answer says no, and the database row did not change.
 */

const ACTIONS = "app/(editor)/editor/articles/actions.ts";
const publish = () => actionId(ACTIONS, "publishArticleAction");
const save = () => actionId(ACTIONS, "saveArticleAction");
const submit = () => actionId(ACTIONS, "submitForReviewAction");

// seeded drafts (prisma/seed/data/articles-l4.ts); no other spec touches them
const CONTRIBUTOR_DRAFT = "seed-article-l-draft-contributor-sms";
const TRANSLATOR_DRAFT = "seed-article-l-draft-translation-ai-phishing";

const origin = () => new URL(process.env.BASE_URL ?? "http://localhost:3000").origin;
const editorPage = (id: string) => `/editor/articles/${id}`;

test.describe("a reader", () => {
  test.use({ storageState: authStatePath("READER") });

  test("cannot open the editor workspace or the admin area: a real 404 (e2e/authz/not-found-status.spec.ts)", async ({
    page,
  }) => {
    const editor = await page.goto("/editor");
    expect(editor?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByRole("heading", { name: "我的文章" })).toHaveCount(0);
    expect((await page.goto(editorPage(CONTRIBUTOR_DRAFT)))?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByText("短信验证码接口被刷")).toHaveCount(0);
    expect((await page.goto("/admin"))?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByRole("heading", { name: "站点概览" })).toHaveCount(0);
  });

  test("cannot publish or edit by POSTing to the server actions directly", async ({ page }) => {
    const before = await articleRow(CONTRIBUTOR_DRAFT);
    const pub = await callAction(page.request, {
      pagePath: editorPage(CONTRIBUTOR_DRAFT),
      id: publish(),
      args: [{ id: CONTRIBUTOR_DRAFT }],
      origin: origin(),
    });
    expect(pub.result).toEqual({ ok: false, code: "FORBIDDEN" });
    const edit = await callAction(page.request, {
      pagePath: editorPage(CONTRIBUTOR_DRAFT),
      id: save(),
      args: [{ id: CONTRIBUTOR_DRAFT, version: before.version, title: "读者改的标题" }],
      origin: origin(),
    });
    expect(edit.result.ok).toBe(false);
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(edit.result.code);
    expect(await articleRow(CONTRIBUTOR_DRAFT)).toEqual(before);
  });
});

test.describe("a translator", () => {
  test.use({ storageState: authStatePath("TRANSLATOR") });

  test("cannot edit another author's draft, and learns nothing about it", async ({ page }) => {
    const before = await articleRow(CONTRIBUTOR_DRAFT);
    const edit = await callAction(page.request, {
      pagePath: editorPage(CONTRIBUTOR_DRAFT),
      id: save(),
      args: [{ id: CONTRIBUTOR_DRAFT, version: before.version, title: "译者改的标题" }],
      origin: origin(),
    });
    expect(edit.result).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await articleRow(CONTRIBUTOR_DRAFT)).toEqual(before);
    await page.goto(editorPage(CONTRIBUTOR_DRAFT));
    await expect(page.getByTestId("not-found")).toBeVisible();
  });

  test("cannot publish, not even their own draft", async ({ page }) => {
    expect((await articleRow(TRANSLATOR_DRAFT)).status).toBe("DRAFT");
    const pub = await callAction(page.request, {
      pagePath: editorPage(TRANSLATOR_DRAFT),
      id: publish(),
      args: [{ id: TRANSLATOR_DRAFT }],
      origin: origin(),
    });
    expect(pub.result).toEqual({ ok: false, code: "FORBIDDEN" });
    expect((await articleRow(TRANSLATOR_DRAFT)).status).toBe("DRAFT");
  });

  test("cannot mass-assign author, status or view count through a save", async ({ page }) => {
    const before = await articleRow(TRANSLATOR_DRAFT);
    for (const extra of [{ authorId: "seed-user-admin" }, { status: "PUBLISHED" }, { viewCount: 99999 }]) {
      const r = await callAction(page.request, {
        pagePath: editorPage(TRANSLATOR_DRAFT),
        id: save(),
        args: [{ id: TRANSLATOR_DRAFT, version: before.version, title: before.title, ...extra }],
        origin: origin(),
      });
      expect(r.result, JSON.stringify(extra)).toMatchObject({ ok: false, code: "INVALID" });
    }
    expect(await articleRow(TRANSLATOR_DRAFT)).toEqual(before);
  });
});

test.describe("signed out", () => {
  test("a direct POST to a staff action is refused as unauthenticated", async ({ request }) => {
    const before = await articleRow(TRANSLATOR_DRAFT);
    const r = await callAction(request, {
      pagePath: "/login",
      id: submit(),
      args: [{ id: TRANSLATOR_DRAFT }],
      origin: origin(),
    });
    expect(r.result.ok).not.toBe(true);
    expect(await articleRow(TRANSLATOR_DRAFT)).toEqual(before);
  });
});

test.describe("CSRF: an editor's own session, sent by someone else", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("a cross-origin POST and a POST without Origin to a server action are refused", async ({ page }) => {
    const before = await articleRow(CONTRIBUTOR_DRAFT);
    const crossSite = await callAction(page.request, {
      pagePath: editorPage(CONTRIBUTOR_DRAFT),
      id: publish(),
      args: [{ id: CONTRIBUTOR_DRAFT }],
      origin: "https://evil.example",
    });
    expect(crossSite.result.ok).not.toBe(true);
    const noOrigin = await callAction(page.request, {
      pagePath: editorPage(CONTRIBUTOR_DRAFT),
      id: publish(),
      args: [{ id: CONTRIBUTOR_DRAFT }],
      origin: null,
    });
    expect(noOrigin.result).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await articleRow(CONTRIBUTOR_DRAFT)).toEqual(before);
  });

  test("the same call from our own origin is allowed (the refusals above are about origin, not role)", async ({
    page,
  }) => {
    // submit-for-review on someone else's draft: an editor may not, so use a harmless read instead
    const r = await callAction(page.request, {
      pagePath: editorPage(CONTRIBUTOR_DRAFT),
      id: actionId(ACTIONS, "listRevisionsAction"),
      args: [CONTRIBUTOR_DRAFT],
      origin: origin(),
    });
    expect(r.result.ok).toBe(true);
  });

  test("route handlers refuse a cross-origin or origin-less bookmark POST", async ({ page }) => {
    await page.goto("/");
    const href = await page.locator('a[href^="/posts/"]').first().getAttribute("href");
    const publicId = href!.split("/").pop();
    for (const headers of [{ Origin: "https://evil.example" }, {}] as Record<string, string>[]) {
      const res = await page.request.post(`/api/bookmarks/${publicId}`, { headers });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
    }
  });
});

test.describe("an editor", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("cannot change anyone's role by POSTing to the admin action", async ({ page }) => {
    const id = `e2e-${crypto.randomUUID()}`;
    await query(
      "insert into users (id, email, \"passwordHash\", role, status, \"updatedAt\") values ($1, $2, 'x', 'READER', 'ACTIVE', now())",
      [id, `role-${id}@byline.test`],
    );
    await query(
      'insert into profiles ("userId", "publicId", "displayName", "updatedAt") values ($1, $2, $3, now())',
      [id, crypto.randomBytes(4).toString("hex"), "角色测试"],
    );
    const r = await callFormAction(page.request, {
      pagePath: `/admin/users/${id}`,
      id: actionId("app/(admin)/admin/users/actions.ts", "changeUserRoleAction"),
      fields: { userId: id, role: "EDITOR" },
      origin: origin(),
    });
    // FORBIDDEN, not INVALID: the permission gate answers before the input is even read
    expect(r.result).toEqual({ ok: false, code: "FORBIDDEN" });
    expect((await query<{ role: string }>("select role from users where id = $1", [id]))[0]?.role).toBe(
      "READER",
    );
  });
});
