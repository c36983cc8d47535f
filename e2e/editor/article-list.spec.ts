import crypto from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { authStatePath, demoAccount, type DemoRole } from "../auth-state";
import { expectNoSeriousA11yViolations } from "../public/helpers";

/** Drafts of this spec's own, written straight into the e2e database (DATABASE_URL from scripts/lib/e2e.mjs). */
async function insertDrafts(drafts: { title: string; authorEmail: string }[]) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const { rows: cats } = await c.query<{ id: number }>(`SELECT id FROM categories ORDER BY id LIMIT 1`);
    const out: { id: string; authorName: string }[] = [];
    for (const d of drafts) {
      const { rows } = await c.query<{ id: string; displayName: string }>(
        `SELECT u.id, p."displayName" FROM users u JOIN profiles p ON p."userId" = u.id WHERE u.email = $1`,
        [d.authorEmail],
      );
      const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
      await c.query(
        `INSERT INTO articles (id, "publicId", title, "bodyJson", status, "authorId", "categoryId", "updatedAt")
         VALUES ($1, $2, $3, $4, 'DRAFT', $5, $6, now())`,
        [id, id.slice(-12), d.title, JSON.stringify({ type: "doc", content: [] }), rows[0]!.id, cats[0]!.id],
      );
      out.push({ id, authorName: rows[0]!.displayName });
    }
    return out;
  } finally {
    await c.end();
  }
}

async function pageAs(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: authStatePath(role) });
  return context.newPage();
}

test("an editor lists a colleague's draft, filters, archives it and deletes their own draft; an admin restores it from 回收站", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = `列表${Date.now().toString(36)}`;
  const ownTitle = `e2e 我的草稿 ${stamp}`;
  const colleagueTitle = `e2e 同事的草稿 ${stamp}`;
  const [, colleague] = await insertDrafts([
    { title: ownTitle, authorEmail: demoAccount("EDITOR").email },
    { title: colleagueTitle, authorEmail: demoAccount("TRANSLATOR").email },
  ]);

  const editor = await pageAs(browser, "EDITOR");
  await editor.goto("/editor");
  await editor
    .getByRole("navigation", { name: "工作台导航" })
    .getByRole("link", { name: "全部文章" })
    .click();
  await expect(editor.getByRole("heading", { level: 1, name: "全部文章" })).toBeVisible({ timeout: 20_000 });
  await expectNoSeriousA11yViolations(editor);

  // title search through the GET form: both drafts, the colleague's included
  await editor.getByRole("searchbox", { name: "标题" }).fill(stamp);
  await editor.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(editor).toHaveURL(/[?&]q=/);
  const rows = editor.getByTestId("article-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: colleagueTitle })).toContainText(colleague!.authorName);

  // the author filter keeps the search; the status tabs keep both and count under them
  await editor.getByRole("combobox", { name: "作者" }).selectOption({ label: colleague!.authorName });
  await editor.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(editor).toHaveURL(/[?&]author=/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(colleagueTitle);
  await expect(editor.getByTestId("count-DRAFT")).toHaveText("1");
  await editor.getByRole("link", { name: /^已归档/ }).click();
  await expect(editor.getByTestId("article-list-empty")).toBeVisible();
  await editor.getByRole("link", { name: /^草稿/ }).click();
  await expect(rows).toHaveCount(1);

  // an editor may archive a colleague's draft but not delete it (article.delete is "own" for editors)
  const colleagueRow = rows.filter({ hasText: colleagueTitle });
  await expect(colleagueRow.getByRole("button", { name: /^删除/ })).toHaveCount(0);
  await colleagueRow.getByRole("button", { name: `归档《${colleagueTitle}》` }).click();
  await expect(editor.getByTestId("count-ARCHIVED")).toHaveText("1");
  await expect(rows).toHaveCount(0);

  // their own draft: 删除 asks first, then the row is gone
  await editor.goto(`/editor/articles?q=${encodeURIComponent(stamp)}&mine=1`);
  const own = rows.filter({ hasText: ownTitle });
  await expect(own).toHaveCount(1);
  await own.getByRole("button", { name: `删除《${ownTitle}》` }).click();
  const confirm = own.getByRole("alertdialog");
  await expect(confirm).toContainText("回收站");
  await expect(confirm.getByRole("button", { name: "确认删除" })).toBeFocused();
  await confirm.getByRole("button", { name: "确认删除" }).click();
  await expect(rows.filter({ hasText: ownTitle })).toHaveCount(0);
  // editors have no 回收站
  await expect(editor.getByRole("link", { name: /^回收站/ })).toHaveCount(0);

  const admin = await pageAs(browser, "ADMIN");
  await admin.goto(`/editor/articles?q=${encodeURIComponent(stamp)}`);
  await admin.getByRole("link", { name: /^回收站/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "回收站" })).toBeVisible();
  const trashed = admin.getByTestId("article-row").filter({ hasText: ownTitle });
  await expect(trashed).toHaveCount(1);
  await expectNoSeriousA11yViolations(admin);
  await trashed.getByRole("button", { name: `恢复《${ownTitle}》` }).click();
  await expect(admin.getByTestId("article-row").filter({ hasText: ownTitle })).toHaveCount(0);
  await expect(admin.getByTestId("count-trash")).toHaveText("0");

  // back in the editor's list, a draft again
  await editor.goto(`/editor/articles?q=${encodeURIComponent(stamp)}&status=DRAFT`);
  await expect(rows.filter({ hasText: ownTitle })).toContainText("草稿");
});
