import { describe, expect, it } from "vitest";
import { RENDER_VERSION } from "@/lib/content/render-version";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { storeRerender } from "./current-body-html";
import { getPublicArticle } from "./get-public-article";

const HOSTILE = "<p>旧版正文</p><img src=x onerror=alert(1)><script>alert(2)</script>";

/** An article as an older renderer left it: HTML today's sanitiser would never produce. */
async function oldRender() {
  const a = await createArticle();
  return db.article.update({ where: { id: a.id }, data: { bodyHtml: HOSTILE, renderVersion: 1 } });
}

describe("render version on read", () => {
  it("serves an older render re-rendered from bodyJson and clean, and stores it once", async () => {
    const a = await oldRender();
    const got = await getPublicArticle(a.publicId);
    expect(got?.bodyHtml).toContain("测试正文");
    expect(got?.bodyHtml).not.toMatch(/onerror|<script|旧版正文/);
    await expect
      .poll(async () => (await db.article.findUniqueOrThrow({ where: { id: a.id } })).renderVersion)
      .toBe(RENDER_VERSION);
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.bodyHtml).toBe(got?.bodyHtml);
    // the write-back is not an edit: neither version nor updatedAt moves
    expect(row.version).toBe(a.version);
    expect(row.updatedAt).toEqual(a.updatedAt);
  });

  it("serves a current render exactly as stored", async () => {
    const a = await createArticle();
    await db.article.update({
      where: { id: a.id },
      data: { bodyHtml: "<p>当前版本</p>", renderVersion: RENDER_VERSION },
    });
    expect((await getPublicArticle(a.publicId))?.bodyHtml).toBe("<p>当前版本</p>");
  });

  it("never overwrites a save made after the read (guarded by version)", async () => {
    const a = await oldRender();
    await db.article.update({ where: { id: a.id }, data: { version: { increment: 1 } } });
    expect(await storeRerender(a.id, a.version, "<p>stale</p>")).toBe(0);
    expect(await storeRerender(a.id, a.version + 1, "<p>fresh</p>")).toBe(1);
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    expect([row.bodyHtml, row.renderVersion]).toEqual(["<p>fresh</p>", RENDER_VERSION]);
  });
});
