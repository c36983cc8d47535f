import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { authStatePath, type DemoRole } from "../auth-state";
import { dashboardRows } from "./rows/dashboard";
import { integrationsRows } from "./rows/integrations";
import { pagesRows } from "./rows/pages";
import { privacyRows } from "./rows/privacy";
import type { MatrixRow } from "./rows/row";
import { settingsRows } from "./rows/settings";
import { tagsRows } from "./rows/tags";
import { transferRows } from "./rows/transfer";
import { actionId, callAction, callFormAction, FORM_FIELD_PREFIX, query } from "./server-actions";

/**
 * The authorization matrix over HTTP: every staff server action (and the upload route), called
 * by every role and signed out, the way an attacker would (a bare POST with the action id).
 *
 * Each call sends input the strict schema refuses (one unknown field), so nothing is ever
 * written, and the answer tells the three outcomes apart because the wrapper checks in order:
 * signed out → UNAUTHENTICATED, role without the permission → FORBIDDEN, role with it → INVALID
 * (the request got past authorization and only then failed on its input). Object-level rules
 * (own drafts only, hidden drafts answer 404) are e2e/authz/cannot.spec.ts and lib/authz.test.ts.
 *
 * Fields are sent the way the browser sends them (server-actions.ts), and the last tests prove it:
 * a field error names the one bad field, and a forbidden role with valid input is still refused.
 */

// Written out independently of lib/authz.ts. Columns: READER CONTRIBUTOR TRANSLATOR EDITOR ADMIN;
// Y = gets past authorization, - = FORBIDDEN. Signed out is always UNAUTHENTICATED.
const CORE: MatrixRow[] = [
  {
    file: "app/(editor)/editor/articles/actions.ts",
    name: "createArticleAction",
    kind: "form",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/actions.ts",
    name: "saveArticleAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/actions.ts",
    name: "submitForReviewAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/actions.ts",
    name: "restoreRevisionAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/actions.ts",
    name: "listRevisionsAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/actions.ts",
    name: "publishArticleAction",
    kind: "json",
    roles: "---YY",
  },
  {
    file: "app/(editor)/editor/articles/actions.ts",
    name: "unpublishArticleAction",
    kind: "json",
    roles: "---YY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/review-actions.ts",
    name: "returnArticleAction",
    kind: "json",
    roles: "---YY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/review-actions.ts",
    name: "listHistoryAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/review-actions.ts",
    name: "listNotesAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/review-actions.ts",
    name: "addNoteAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/list-actions.ts",
    name: "archiveArticleAction",
    kind: "json",
    roles: "---YY",
  },
  {
    file: "app/(editor)/editor/articles/list-actions.ts",
    name: "deleteArticleAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/list-actions.ts",
    name: "restoreDeletedArticleAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/preview-actions.ts",
    name: "createPreviewLinkAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/preview-actions.ts",
    name: "listPreviewLinksAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/preview-actions.ts",
    name: "revokePreviewLinkAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/media/actions.ts",
    name: "updateMediaAltAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(admin)/admin/comments/actions.ts",
    name: "moderateCommentsAction",
    kind: "json",
    roles: "---YY",
  },
  { file: "app/(admin)/admin/comments/actions.ts", name: "banCommenterAction", kind: "form", roles: "---YY" },
  {
    file: "app/(admin)/admin/comments/actions.ts",
    name: "liftCommentBanAction",
    kind: "json",
    roles: "---YY",
  },
  {
    file: "app/(admin)/admin/comments/rules/actions.ts",
    name: "updateCommentSettingsAction",
    kind: "form",
    roles: "----Y",
  },
  {
    file: "app/(editor)/editor/articles/[id]/comments-actions.ts",
    name: "setCommentsClosedAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(admin)/admin/categories/actions.ts",
    name: "createCategoryAction",
    kind: "form",
    roles: "----Y",
  },
  {
    file: "app/(admin)/admin/categories/actions.ts",
    name: "updateCategoryAction",
    kind: "form",
    roles: "----Y",
  },
  {
    file: "app/(admin)/admin/categories/actions.ts",
    name: "moveCategoryAction",
    kind: "json",
    roles: "----Y",
  },
  {
    file: "app/(admin)/admin/categories/actions.ts",
    name: "deleteCategoryAction",
    kind: "json",
    roles: "----Y",
  },
  {
    file: "app/(admin)/admin/settings/actions.ts",
    name: "updateSiteSettingsAction",
    kind: "form",
    roles: "----Y",
  },
  {
    file: "app/(editor)/editor/articles/[id]/translate/actions.ts",
    name: "saveSegmentAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/translate/actions.ts",
    name: "mergeSegmentsAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/translate/actions.ts",
    name: "splitSegmentAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/translate/actions.ts",
    name: "applyToArticleAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/translate/actions.ts",
    name: "listSegmentsAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/translate/actions.ts",
    name: "lookupMemoryAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/translate/actions.ts",
    name: "ingestSourceAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/translate/actions.ts",
    name: "prefillSegmentsAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/source/actions.ts",
    name: "acknowledgeSourceUpdateAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/translations/actions.ts",
    name: "createTranslationTaskAction",
    kind: "form",
    roles: "---YY",
  },
  {
    file: "app/(editor)/editor/translations/actions.ts",
    name: "assignTranslationTaskAction",
    kind: "json",
    roles: "---YY",
  },
  {
    file: "app/(editor)/editor/translations/actions.ts",
    name: "claimTranslationTaskAction",
    kind: "json",
    roles: "--YYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/saving-actions.ts",
    name: "resolveConflictAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/saving-actions.ts",
    name: "loadServerCopyAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/saving-actions.ts",
    name: "applyPendingEditAction",
    kind: "json",
    roles: "---YY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/saving-actions.ts",
    name: "fileCorrectionAction",
    kind: "json",
    roles: "---YY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/saving-actions.ts",
    name: "discardPendingEditAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/saving-actions.ts",
    name: "revisionDiffAction",
    kind: "json",
    roles: "-YYYY",
  },
  {
    file: "app/(editor)/editor/articles/[id]/saving-actions.ts",
    name: "presenceAction",
    kind: "json",
    roles: "-YYYY",
  },
  { file: "app/(editor)/editor/glossary/actions.ts", name: "createTermAction", kind: "form", roles: "---YY" },
  { file: "app/(editor)/editor/glossary/actions.ts", name: "updateTermAction", kind: "form", roles: "---YY" },
  { file: "app/(editor)/editor/glossary/actions.ts", name: "deleteTermAction", kind: "json", roles: "---YY" },
  { file: "app/(admin)/admin/users/actions.ts", name: "changeUserRoleAction", kind: "form", roles: "----Y" },
  { file: "app/(admin)/admin/users/actions.ts", name: "suspendUserAction", kind: "form", roles: "----Y" },
  { file: "app/(admin)/admin/users/actions.ts", name: "reactivateUserAction", kind: "form", roles: "----Y" },
  { file: "app/(admin)/admin/users/actions.ts", name: "forceSignOutAction", kind: "form", roles: "----Y" },
];
const MATRIX: MatrixRow[] = [
  ...CORE,
  ...dashboardRows,
  ...tagsRows,
  ...pagesRows,
  ...settingsRows,
  ...transferRows,
  ...privacyRows,
  ...integrationsRows,
];

const ROLES: DemoRole[] = ["READER", "CONTRIBUTOR", "TRANSLATOR", "EDITOR", "ADMIN"];
const origin = () => new URL(process.env.BASE_URL ?? "http://localhost:3000").origin;

let contexts: Map<DemoRole | "SIGNED_OUT", APIRequestContext>;

test.beforeAll(async () => {
  contexts = new Map();
  // signed out, carrying a forged session cookie: without any session cookie Next.js answers a
  // POST to a prerendered page from its cache without running the action (checked below)
  contexts.set(
    "SIGNED_OUT",
    await playwrightRequest.newContext({
      baseURL: origin(),
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { Cookie: "__Host-authjs.session-token=forged" },
    }),
  );
  for (const role of ROLES)
    contexts.set(
      role,
      await playwrightRequest.newContext({ baseURL: origin(), storageState: authStatePath(role) }),
    );
});

test.afterAll(async () => {
  for (const c of contexts.values()) await c.dispose();
});

const expected = (roles: string, who: DemoRole | "SIGNED_OUT") =>
  who === "SIGNED_OUT" ? "UNAUTHENTICATED" : roles[ROLES.indexOf(who)] === "Y" ? "INVALID" : "FORBIDDEN";

test.describe("authorization matrix over HTTP", () => {
  test("every staff server action has a row (a new action fails here until it gets one)", () => {
    const dist = path.resolve(import.meta.dirname, "../..", process.env.NEXT_DIST_DIR || ".next");
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8"),
    ) as {
      node: Record<string, { filename: string; exportedName: string }>;
    };
    const staff = new Set(
      Object.values(manifest.node)
        .filter((a) => /^app\/\((editor|admin)\)\//.test(a.filename))
        .map((a) => `${a.filename}#${a.exportedName}`),
    );
    expect(staff.size).toBeGreaterThan(10);
    expect([...staff].sort()).toEqual(MATRIX.map((m) => `${m.file}#${m.name}`).sort());
  });

  for (const row of MATRIX) {
    test(`${row.name}: ${row.roles}`, async () => {
      const id = actionId(row.file, row.name);
      const got: Record<string, string | undefined> = {};
      const want: Record<string, string> = {};
      for (const [who, request] of contexts) {
        const call =
          row.kind === "json"
            ? await callAction(request, {
                pagePath: "/login",
                id,
                args: [{ matrixProbe: 1 }],
                origin: origin(),
              })
            : await callFormAction(request, {
                pagePath: "/login",
                id,
                fields: { matrixProbe: "1" },
                origin: origin(),
              });
        got[who] = call.result.code ?? `HTTP ${call.status}: ${call.body.slice(0, 300)}`;
        want[who] = expected(row.roles, who);
      }
      expect(got).toEqual(want);
    });
  }

  test("form fields reach the action, and the permission check answers before the input is parsed", async () => {
    const id = actionId("app/(admin)/admin/categories/actions.ts", "createCategoryAction");
    const suffix = Math.random().toString(36).slice(2, 8);
    const valid = { name: `矩阵${suffix}`, slug: `matrix-${suffix}`, description: "" };
    const call = (who: DemoRole, fields: Record<string, string>) =>
      callFormAction(contexts.get(who)!, { pagePath: "/login", id, fields, origin: origin() });

    // allowed role, one bad field: the field error names that field alone. Had the fields not
    // arrived, every required field would be reported missing.
    const bad = await call("ADMIN", { ...valid, slug: "有 空格" });
    expect(bad.result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: ["slug"] });
    // forbidden role, input the schema accepts: FORBIDDEN, and nothing written
    expect((await call("EDITOR", valid)).result).toEqual({
      ok: false,
      code: "FORBIDDEN",
      fieldErrors: undefined,
    });
    // forbidden role, the same bad field: FORBIDDEN, not the slug error. With the fields now
    // arriving, a permission check that ran after parsing would answer INVALID here.
    expect((await call("EDITOR", { ...valid, slug: "有 空格" })).result).toEqual({
      ok: false,
      code: "FORBIDDEN",
      fieldErrors: undefined,
    });
    expect(await query("select 1 from categories where slug = $1", [valid.slug])).toHaveLength(0);
  });

  test("the form-field encoding is the one the browser uses (captured from a real submission)", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: origin(), storageState: authStatePath("ADMIN") });
    try {
      const page = await context.newPage();
      await page.goto("/admin/categories");
      await page.waitForLoadState("networkidle"); // hydrated: the client encodes the submission
      const form = page.locator("form", { has: page.locator('input[name="slug"]') }).first();
      await form.locator('input[name="name"]').fill("浏览器编码");
      await form.locator('input[name="slug"]').fill("有 空格");
      const posted = page.waitForRequest(
        (r) => r.method() === "POST" && r.headers()["next-action"] !== undefined,
      );
      await form.locator('button[type="submit"]').click();
      const body = (await posted).postData() ?? "";
      expect(body).toContain(`name="${FORM_FIELD_PREFIX}slug"`);
      expect(body).toContain(`name="${FORM_FIELD_PREFIX}name"`);
      // the argument list comes last, after the fields it refers to
      expect(body).toMatch(/name="0"\r\n\r\n\[[^\]]*"\$K1"\]\r\n--[^\r\n]*--\s*$/);
      expect(body.indexOf(`name="${FORM_FIELD_PREFIX}slug"`)).toBeLessThan(body.indexOf('name="0"'));
    } finally {
      await context.close();
    }
  });

  test("without any cookie a staff action is not run at all", async () => {
    const anonymous = await playwrightRequest.newContext({
      baseURL: origin(),
      storageState: { cookies: [], origins: [] },
    });
    const call = await callAction(anonymous, {
      pagePath: "/login",
      id: actionId("app/(editor)/editor/articles/actions.ts", "publishArticleAction"),
      args: [{ id: "x" }],
      origin: origin(),
    });
    expect(call.result.ok).toBeUndefined();
    expect(call.body).not.toContain('"ok":true');
    await anonymous.dispose();
  });

  test("the upload route: signed out 401, without media.upload 403, with it past authorization", async () => {
    const want: Record<string, number> = {
      SIGNED_OUT: 401,
      READER: 403,
      CONTRIBUTOR: 400,
      TRANSLATOR: 400,
      EDITOR: 400,
      ADMIN: 400,
    };
    const got: Record<string, number> = {};
    for (const [who, request] of contexts) {
      // no file at all: whoever gets past authorization is refused for the input
      const res = await request.post("/api/media", {
        headers: { Origin: origin() },
        multipart: { note: "no file" },
      });
      got[who] = res.status();
    }
    expect(got).toEqual(want);
  });
});
