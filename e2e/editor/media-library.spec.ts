import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import sharp from "sharp";
import { authStatePath } from "../auth-state";
import { expectNoSeriousA11yViolations } from "../public/helpers";

test.use({ storageState: authStatePath("EDITOR") });

const picture = (seed: number) =>
  sharp({
    create: { width: 1800, height: 900, channels: 3, background: { r: seed % 256, g: 120, b: 200 } },
  })
    .png()
    .toBuffer();

type MediaDto = { url: string; width: number; height: number; srcset: string; filename: string; alt: string };

/** A published article of this spec's own with one figure, rendered by the app on first read (renderVersion 1 is stale). */
async function publishWithFigure(title: string, m: MediaDto) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const { rows: cats } = await c.query<{ id: number }>(`SELECT id FROM categories ORDER BY id LIMIT 1`);
    const { rows: authors } = await c.query<{ id: string }>(
      `SELECT u.id FROM users u JOIN profiles p ON p."userId" = u.id WHERE u.role = 'EDITOR' ORDER BY u.email LIMIT 1`,
    );
    const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
    const body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "配图如下。" }] },
        {
          type: "figure",
          attrs: {
            src: m.url,
            alt: m.alt,
            caption: "图1 响应式配图",
            width: m.width,
            height: m.height,
            srcset: m.srcset,
          },
        },
      ],
    };
    await c.query(
      `INSERT INTO articles (id, "publicId", title, "bodyJson", "bodyHtml", status, "publishedAt", "renderVersion", "authorId", "categoryId", "updatedAt")
       VALUES ($1, $2, $3, $4, '', 'PUBLISHED', now(), 1, $5, $6, now())`,
      [id, id.slice(-12), title, JSON.stringify(body), authors[0]!.id, cats[0]!.id],
    );
    return id.slice(-12);
  } finally {
    await c.end();
  }
}

test("媒体库: upload with alt text, find it by name, see it in the picker JSON; an SVG is refused with a message", async ({
  page,
}) => {
  const name = `e2e-${crypto.randomBytes(4).toString("hex")}.png`;
  await page.goto("/editor/media");
  await expect(page.getByRole("heading", { name: "媒体库", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const file = page.getByLabel(/图片文件/);
  await file.setInputFiles({
    name: "x.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await page.getByRole("button", { name: "上传图片" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "不支持的文件类型" })).toBeVisible({
    timeout: 20_000,
  });

  await file.setInputFiles({ name, mimeType: "image/png", buffer: await picture(Date.now()) });
  await page.getByLabel(/^替代文本/).fill("媒体库测试图");
  await page.getByRole("button", { name: "上传图片" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已上传：${name}` })).toBeVisible({
    timeout: 30_000,
  });
  const card = page.getByTestId("media-card").filter({ hasText: name });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card).toContainText("1800×900");
  await expect(card).toContainText("替代文本：媒体库测试图");

  // find it again by its name
  await page.getByRole("searchbox", { name: "文件名或替代文本" }).fill(name.slice(0, 12));
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/editor\/media\?q=/);
  await expect(page.getByTestId("media-card")).toHaveCount(1);
  await expect(page.getByTestId("media-card")).toContainText(name);
  await expectNoSeriousA11yViolations(page);

  // the picker's JSON: the same upload with its renditions
  const listed = await page.request.get(`/api/media?q=${encodeURIComponent(name)}`);
  expect(listed.status()).toBe(200);
  const { items } = (await listed.json()) as { items: MediaDto[] };
  expect(items).toHaveLength(1);
  expect(items[0]!.srcset).toMatch(/\.webp 480w, \/media\/.+\.webp 960w, \/media\/.+\.webp 1600w$/);
});

test("public article: a figure as <picture> with WebP srcset/sizes and an <img> with width and height", async ({
  page,
  baseURL,
}) => {
  const name = `e2e-pub-${crypto.randomBytes(4).toString("hex")}.png`;
  const res = await page.request.post("/api/media", {
    // a mutating request: the app checks it comes from its own origin (CSRF)
    headers: { Origin: new URL(baseURL!).origin },
    multipart: {
      file: { name, mimeType: "image/png", buffer: await picture(Date.now() + 7) },
      alt: "公开页配图",
    },
  });
  expect(res.status()).toBe(201);
  const media = (await res.json()) as MediaDto;
  const title = `响应式图片 ${crypto.randomBytes(3).toString("hex")}`;
  const publicId = await publishWithFigure(title, media);

  await page.goto(`/posts/${publicId}`);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const source = page.locator('figure picture source[type="image/webp"]');
  await expect(source).toHaveAttribute("srcset", media.srcset);
  await expect(source).toHaveAttribute("sizes", "(max-width: 768px) 100vw, 720px");
  const img = page.locator("figure picture img");
  await expect(img).toHaveAttribute("src", media.url);
  await expect(img).toHaveAttribute("width", "1800");
  await expect(img).toHaveAttribute("height", "900");
  await expect(img).toHaveAttribute("alt", "公开页配图");
  await img.scrollIntoViewIfNeeded();
  // the browser chose a WebP rendition and it loaded (the CSP lets /media through)
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.currentSrc : "")), {
      timeout: 20_000,
    })
    .toMatch(/\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp$/);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
});
