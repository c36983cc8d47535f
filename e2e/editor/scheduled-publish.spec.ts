import crypto from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { authStatePath, demoAccount } from "../auth-state";
import { withDb } from "../db";
import { firstSeen } from "./flow-helpers";

/**
 * 定时发布 keeps its word: the scheduler (lib/jobs/scheduled-publisher.ts, its default 30 s tick,
 * nothing shortened) publishes at the scheduled moment and expires the public caches through
 * the server (lib/jobs/background-invalidation.ts); a schedule the server missed is published
 * late, flagged on the dashboard.
 */

/** An article of this spec's own by the demo editor, its body copied from a seeded article. */
function insertArticle(title: string, status: "DRAFT" | "SCHEDULED", scheduledAt: Date | null = null) {
  return withDb(async (c) => {
    const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
    const { rowCount } = await c.query(
      `INSERT INTO articles (id, "publicId", title, lede, "bodyJson", "bodyHtml", "bodyText", "renderVersion",
                             status, "scheduledAt", "authorId", "categoryId", "updatedAt")
       SELECT $1, $2, $3, a.lede, a."bodyJson", a."bodyHtml", a."bodyText", a."renderVersion",
              $4::"ArticleStatus", $5::timestamptz AT TIME ZONE 'UTC', u.id, a."categoryId", now()
       FROM articles a, users u
       WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL AND a."sourceUrl" IS NULL AND u.email = $6
       ORDER BY a."publishedAt" ASC LIMIT 1`,
      [id, id.slice(-12), title, status, scheduledAt, demoAccount("EDITOR").email],
    );
    expect(rowCount).toBe(1);
    return { id, publicId: id.slice(-12) };
  });
}

const articleRow = (id: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{
      status: string;
      scheduledAt: Date | null;
      publishedAt: Date | null;
      missedScheduleAt: Date | null;
      version: number;
    }>(
      // the columns hold UTC without a zone (Prisma's way): read them back as UTC moments
      `SELECT status, version, "scheduledAt" AT TIME ZONE 'UTC' AS "scheduledAt",
              "publishedAt" AT TIME ZONE 'UTC' AS "publishedAt",
              "missedScheduleAt" AT TIME ZONE 'UTC' AS "missedScheduleAt"
       FROM articles WHERE id = $1`,
      [id],
    );
    return rows[0]!;
  });

/** The datetime-local value (Beijing time, the browser's zone in playwright.config.ts) of a moment. */
const beijingLocal = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

async function pageAs(browser: Browser, role: "EDITOR") {
  const context = await browser.newContext({ storageState: authStatePath(role) });
  return context.newPage();
}

test("an article scheduled through the editor appears on the home page and its own URL within 5 s of its time", async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const title = `e2e 定时发布 ${Date.now().toString(36)}`;
  const draft = await insertArticle(title, "DRAFT");
  const url = `/posts/${draft.publicId}`;

  // before: not public, and both pages are rendered (and cached) without it
  expect(await (await request.get(url)).text()).not.toContain(title);
  expect(await (await request.get("/")).text()).not.toContain(title);

  const e = await pageAs(browser, "EDITOR");
  await e.goto(`/editor/articles/${draft.id}`);
  await expect(e.getByRole("textbox", { name: "标题", exact: true })).toHaveValue(title, { timeout: 20_000 });
  // the picker has minute precision: the first whole minute at least 25 s away (25–85 s)
  const at = new Date(Math.ceil((Date.now() + 25_000) / 60_000) * 60_000);
  await e.getByRole("button", { name: "定时发布", exact: true }).click();
  await e.getByLabel("发布时间（按本机时区）").fill(beijingLocal(at));
  await e.getByRole("button", { name: "确认定时发布" }).click();
  await expect.poll(async () => (await articleRow(draft.id)).status, { timeout: 20_000 }).toBe("SCHEDULED");
  const scheduledAt = (await articleRow(draft.id)).scheduledAt!;
  expect(scheduledAt.getTime()).toBe(at.getTime());
  expect(scheduledAt.getTime() - Date.now()).toBeGreaterThan(3_000); // still ahead: nobody published it early

  const [pageAt, homeAt] = await Promise.all([
    firstSeen(request, url, title, 150_000),
    firstSeen(request, "/", title, 150_000),
  ]);
  const late = { page: pageAt - scheduledAt.getTime(), home: homeAt - scheduledAt.getTime() };
  test.info().annotations.push({ type: "lateness (ms)", description: JSON.stringify(late) });
  expect(late.page).toBeGreaterThanOrEqual(0);
  expect(late.page).toBeLessThanOrEqual(5_000);
  expect(late.home).toBeGreaterThanOrEqual(0);
  expect(late.home).toBeLessThanOrEqual(5_000);

  const row = await articleRow(draft.id);
  expect(row).toMatchObject({ status: "PUBLISHED", publishedAt: scheduledAt, missedScheduleAt: null });
});

test("a schedule the server missed is published late, not back-dated, and flagged on the dashboard", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `e2e 错过定时 ${Date.now().toString(36)}`;
  const missedAt = new Date(Date.now() - 3_600_000);
  const insertedAt = Date.now();
  const a = await insertArticle(title, "SCHEDULED", missedAt);

  const e = await pageAs(browser, "EDITOR");
  const alert = e.getByRole("region", { name: /错过定时的文章/ });
  // the server finds it on its next tick (every 30 s)
  await expect(async () => {
    await e.goto("/editor");
    await expect(alert.getByRole("link", { name: title })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 75_000, intervals: [1_000] });
  await expect(alert.getByRole("link", { name: title })).toHaveAttribute("href", `/editor/articles/${a.id}`);

  const row = await articleRow(a.id);
  expect(row.status).toBe("PUBLISHED");
  expect(row.missedScheduleAt?.getTime()).toBe(missedAt.getTime());
  expect(row.publishedAt!.getTime()).toBeGreaterThanOrEqual(insertedAt - 1_000);
});
