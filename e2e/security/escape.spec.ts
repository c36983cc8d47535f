import crypto from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { plainLine } from "../../lib/escape/plain-text";

/**
 * Issue 8 finding 2, in the browser: an article whose title, 导语, author name and tag carry
 * markup, CDATA terminators and script-closing sequences. The page's <title>, meta tags and
 * JSON-LD must carry that text as text, and no element or handler from it may exist in the DOM
 * (CSP would stop a handler from running; this checks the escaping itself).
 */
const XSS = `<img src=x id=xss onerror="window.__xss=1">`;
const title = `标题${XSS} ]]> </script><script id=xss2>window.__xss=2</script> & &amp; <!-- \u2028 末尾`;
const lede = `导语${XSS} ]]> ]]><x/> </script> & \u2029 结束`;
const authorName = `<b id=xss3>作者</b>&`;
const tagName = `]]></script><i id=xss4>`;

async function seedArticle() {
  const id = crypto.randomBytes(5).toString("hex");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const userId = `e2e-esc-${id}`;
    await client.query(
      `INSERT INTO users (id, email, "passwordHash", role, "updatedAt") VALUES ($1, $2, 'not-a-hash', 'EDITOR', now())`,
      [userId, `${userId}@e2e.test`],
    );
    await client.query(
      `INSERT INTO profiles ("userId", "publicId", "displayName", "updatedAt") VALUES ($1, $2, $3, now())`,
      [userId, `m${id}`, authorName],
    );
    const { rows } = await client.query<{ id: number }>(
      `SELECT id FROM categories ORDER BY position LIMIT 1`,
    );
    const publicId = `x${id}`;
    const articleId = `e2e-esc-a-${id}`;
    await client.query(
      `INSERT INTO articles (id, "publicId", title, lede, "bodyJson", "bodyHtml", "bodyText", status, "publishedAt", "authorId", "categoryId", "updatedAt")
       VALUES ($1, $2, $3, $4, '{"type":"doc","content":[]}', '<p>正文</p>', '正文', 'PUBLISHED', now() - interval '1 hour', $5, $6, now())`,
      [articleId, publicId, title, lede, userId, rows[0]!.id],
    );
    const tag = await client.query<{ id: number }>(
      `INSERT INTO tags (slug, name) VALUES ($1, $2) RETURNING id`,
      [`esc-${id}`, `${tagName}${id.slice(0, 4)}`],
    );
    await client.query(`INSERT INTO article_tags ("articleId", "tagId") VALUES ($1, $2)`, [
      articleId,
      tag.rows[0]!.id,
    ]);
    return { publicId, tag: `${tagName}${id.slice(0, 4)}` };
  } finally {
    await client.end();
  }
}

test("an article with hostile title, 导语, author and tag renders them as text everywhere", async ({
  page,
}) => {
  const { publicId, tag } = await seedArticle();
  const dialogs: string[] = [];
  page.on("dialog", (d) => void dialogs.push(d.message()));

  const res = await page.goto(`/posts/${publicId}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  expect(await page.title()).toBe(`${plainLine(title)} · 署名 Byline`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", plainLine(lede, 160));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", plainLine(title));

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
  expect(ld).toMatchObject({
    headline: plainLine(title, 110),
    description: plainLine(lede),
    keywords: tag,
    author: [{ name: authorName }],
  });

  // nothing from the text became an element or a handler, in <head> or <body>
  expect(await page.locator("#xss, #xss2, #xss3, #xss4, [onerror]").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
