import crypto from "node:crypto";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";

/**
 * Issue 14 acceptance for 站点设置, one test per item: the site name (header and <title>), the
 * logo, 关闭注册, the tip QR. Every public page shows these, so the spec runs in the site-wide
 * project (alone, after the rest). Each test puts back what it changed through the same form (the
 * save invalidates the cached pages); afterAll submits the form as it was found, and should that
 * fail too, writes the saved rows back (pages then follow within their cache life).
 */

test.use({ storageState: authStatePath("ADMIN") });
// each test saves the form two or three times and loads several pages: slow on a shared 2-core machine
test.describe.configure({ timeout: 240_000 });

const KEYS = [
  "site.name",
  "site.description",
  "site.titleTemplate",
  "site.logo",
  "site.favicon",
  "site.footerText",
  "site.tipQr",
  "site.tipCaption",
  "site.registrationClosed",
];
let savedRows: { key: string; value: unknown }[] = [];
/** the form's controls as found: name → value (checkboxes "on"/"") */
let savedForm: Record<string, string> = {};

const picture = (w: number, h: number) =>
  sharp({
    create: { width: w, height: h, channels: 3, background: { r: crypto.randomInt(256), g: 90, b: 160 } },
  })
    .png()
    .toBuffer();

async function openForm(page: Page): Promise<Locator> {
  await page.goto("/admin/settings");
  const form = page.getByTestId("settings-form");
  await expect(form.getByRole("button", { name: "保存设置" })).toBeEnabled();
  return form;
}

async function save(form: Locator) {
  await form.getByRole("button", { name: "保存设置" }).click();
  await expect(form.getByText("设置已保存")).toBeVisible();
}

async function readForm(form: Locator): Promise<Record<string, string>> {
  return form.evaluate((f: HTMLFormElement) => {
    const out: Record<string, string> = {};
    for (const el of Array.from(f.elements) as HTMLInputElement[]) {
      if (!el.name || el.type === "file") continue;
      out[el.name] = el.type === "checkbox" ? (el.checked ? "on" : "") : el.value;
    }
    return out;
  });
}

/** Puts the form back as it was found (React-managed hidden inputs included) and saves it. */
async function restoreForm(page: Page, values: Record<string, string>) {
  const form = await openForm(page);
  await form.evaluate((f: HTMLFormElement, v: Record<string, string>) => {
    for (const el of Array.from(f.elements) as HTMLInputElement[]) {
      if (!el.name || el.type === "file" || !(el.name in v)) continue;
      if (el.type === "checkbox") el.checked = v[el.name] === "on";
      else el.value = v[el.name]!;
    }
  }, values);
  await save(form);
}

/** A signed-out visitor: what the page cache serves to everyone. */
async function visitor(browser: Browser) {
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { page: await ctx.newPage(), close: () => ctx.close() };
}

test.beforeAll(async ({ browser }) => {
  savedRows = await withDb(
    async (c) => (await c.query(`SELECT key, value FROM site_settings WHERE key = ANY($1)`, [KEYS])).rows,
  );
  const ctx = await browser.newContext({ storageState: authStatePath("ADMIN") });
  savedForm = await readForm(await openForm(await ctx.newPage()));
  await ctx.close();
});

test.afterAll(async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: authStatePath("ADMIN") });
  try {
    await restoreForm(await ctx.newPage(), savedForm);
  } finally {
    await ctx.close();
    await withDb(async (c) => {
      await c.query(`DELETE FROM site_settings WHERE key = ANY($1)`, [KEYS]);
      for (const r of savedRows)
        await c.query(`INSERT INTO site_settings (key, value, "updatedAt") VALUES ($1, $2, now())`, [
          r.key,
          JSON.stringify(r.value),
        ]);
    });
  }
});

test("sets the site name and title template: the header and <title> show them on the next load", async ({
  page,
  browser,
}) => {
  const name = `安全周刊${crypto.randomBytes(2).toString("hex")}`;
  const form = await openForm(page);
  const before = await readForm(form);
  const reader = await visitor(browser);
  try {
    await form.getByLabel("站点名称", { exact: true }).fill(name);
    await form.getByLabel("站点标语", { exact: true }).fill("每日安全要闻");
    await form.getByLabel("网页标题模板", { exact: true }).fill(`%s - ${name}`);
    await save(form);

    for (const p of [page, reader.page]) {
      await p.goto("/");
      await expect(p.getByRole("banner").getByRole("link", { name: `${name} 首页` })).toBeVisible();
      await expect(p).toHaveTitle(`${name} · 每日安全要闻`);
      await p.goto("/latest");
      await expect(p).toHaveTitle(`最新文章 - ${name}`);
      await expect(p.locator('meta[property="og:title"]')).toHaveAttribute("content", `最新文章 - ${name}`);
    }
    const feed = await reader.page.request.get("/feed");
    expect(await feed.text()).toContain(`<title>${name}</title>`);
  } finally {
    await restoreForm(page, before);
    await reader.close();
  }
  // back to the name as found
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: `${before.name} 首页` })).toBeVisible();
});

test("uploads a logo: the header shows it, sized; removing it brings back the built-in logo", async ({
  page,
  browser,
}) => {
  const form = await openForm(page);
  const before = await readForm(form);
  const reader = await visitor(browser);
  try {
    await form
      .getByLabel("网站 Logo", { exact: true })
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await picture(480, 120) });
    await expect(form.getByRole("img", { name: "网站 Logo预览" })).toBeVisible();
    await save(form);

    await reader.page.goto("/");
    const logo = reader.page.getByRole("banner").getByRole("img", { name: before.name });
    await expect(logo).toHaveAttribute("src", /^\/media\//);
    await expect(logo).toHaveAttribute("width", "480");
    await expect(logo).toHaveAttribute("height", "120");
    await expect.poll(() => logo.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);

    await openForm(page);
    await form.getByRole("button", { name: "移除网站 Logo" }).click();
    await save(form);
    await reader.page.goto("/");
    await expect(reader.page.getByRole("banner").locator('img[src^="/media/"]')).toHaveCount(0);
  } finally {
    await restoreForm(page, before);
    await reader.close();
  }
});

test("closes registration: /register says so without a form, the login page hides 注册; reopening restores both", async ({
  page,
  browser,
}) => {
  const form = await openForm(page);
  const before = await readForm(form);
  const reader = await visitor(browser);
  try {
    await form.getByRole("checkbox", { name: /关闭注册/ }).check();
    await save(form);

    await reader.page.goto("/register");
    await expect(reader.page.getByRole("heading", { name: "暂停注册" })).toBeVisible();
    await expect(reader.page.getByTestId("registration-closed")).toContainText("本站暂停开放注册");
    await expect(reader.page.getByLabel("昵称")).toHaveCount(0);
    await reader.page.goto("/login");
    await expect(reader.page.getByText("本站暂停开放注册。")).toBeVisible();
    await expect(reader.page.getByRole("link", { name: "立即注册" })).toHaveCount(0);

    await openForm(page);
    await form.getByRole("checkbox", { name: /关闭注册/ }).uncheck();
    await save(form);
    await reader.page.goto("/register");
    await expect(reader.page.getByLabel("昵称")).toBeVisible();
    await reader.page.goto("/login");
    await expect(reader.page.getByRole("link", { name: "立即注册" })).toBeVisible();
  } finally {
    await restoreForm(page, before);
    await reader.close();
  }
});

test("sets a tip QR with a caption: it appears under articles, lazy and sized; removed, it is gone", async ({
  page,
  browser,
}) => {
  const publicId = await withDb(async (c) => {
    const { rows } = await c.query<{ publicId: string }>(
      `SELECT "publicId" FROM articles WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL AND "publishedAt" <= now()
       ORDER BY "publishedAt" DESC LIMIT 1`,
    );
    return rows[0]!.publicId;
  });
  const caption = `扫码赞赏 ${crypto.randomBytes(2).toString("hex")}`;
  const form = await openForm(page);
  const before = await readForm(form);
  const reader = await visitor(browser);
  try {
    await reader.page.goto(`/posts/${publicId}`);
    await expect(reader.page.getByTestId("article")).toBeVisible();
    await expect(reader.page.getByTestId("tip-qr")).toHaveCount(0);

    await form
      .getByLabel("赞赏二维码", { exact: true })
      .setInputFiles({ name: "qr.png", mimeType: "image/png", buffer: await picture(300, 300) });
    await expect(form.getByRole("img", { name: "赞赏二维码预览" })).toBeVisible();
    await form.getByLabel("赞赏说明", { exact: true }).fill(caption);
    await save(form);

    await reader.page.goto(`/posts/${publicId}`);
    const tip = reader.page.getByTestId("tip-qr");
    await expect(tip).toContainText(caption);
    const img = tip.getByRole("img", { name: "赞赏二维码（微信扫码）" });
    await expect(img).toHaveAttribute("loading", "lazy");
    await expect(img).toHaveAttribute("width", "300");
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);

    await openForm(page);
    await form.getByRole("button", { name: "移除赞赏二维码" }).click();
    await save(form);
    await reader.page.goto(`/posts/${publicId}`);
    await expect(reader.page.getByTestId("article")).toBeVisible();
    await expect(reader.page.getByTestId("tip-qr")).toHaveCount(0);
  } finally {
    await restoreForm(page, before);
    await reader.close();
  }
});
