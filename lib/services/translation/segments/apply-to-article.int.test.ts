import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyToArticle } from "./apply-to-article";
import { createActor, translationWith } from "./test-helpers";

const code = { type: "codeBlock", attrs: { language: "bash" }, content: [{ type: "text", text: "whoami" }] };

const sample = () =>
  translationWith([
    { kind: "HEADING", source: "Overview", target: "概览", node: { type: "heading", attrs: { level: 2 } } },
    { source: "Attackers exploited CVE-2026-1234.", target: "攻击者利用了 CVE-2026-1234。" },
    { kind: "CODE", source: "whoami", node: code },
    {
      kind: "LIST_ITEM",
      source: "Patch.",
      target: "打补丁。",
      node: { type: "listItem", attrs: { list: "bullet" } },
    },
    {
      kind: "LIST_ITEM",
      source: "Rotate keys.",
      target: "轮换密钥。",
      node: { type: "listItem", attrs: { list: "bullet" } },
    },
    { source: "Not yet translated." },
  ]);

describe("applyToArticle", () => {
  it("writes the assembled body through the article's save path: version, html, text, revision", async () => {
    const { translator, article } = await sample();
    const r = await applyToArticle(translator, { articleId: article.id, version: 1 });
    expect(r).toEqual({ version: 2, skipped: 1, linkedImages: 0 });
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.version).toBe(2);
    expect(row.title).toBe("译稿");
    expect(row.bodyHtml).toContain("概览</h2>");
    expect(row.bodyHtml).toContain("<li><p>打补丁。</p></li><li><p>轮换密钥。</p></li>");
    expect(row.bodyHtml).toContain("whoami");
    expect(row.bodyText).not.toContain("Not yet translated");
    const revision = await db.articleRevision.findFirstOrThrow({
      where: { articleId: article.id, version: 2 },
    });
    expect(revision.editorId).toBe(translator.id);
  });

  it("refuses a stale article version with CONFLICT and an article with nothing translated", async () => {
    const { translator, article } = await sample();
    await expect(applyToArticle(translator, { articleId: article.id, version: 5 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const empty = await translationWith([{ source: "Only English." }]);
    await expect(
      applyToArticle(empty.translator, { articleId: empty.article.id, version: 1 }),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("至少一段") });
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect([row.version, row.bodyText.trim()]).toEqual([1, "旧正文"]);
  });

  it("another translator gets NOT_FOUND, a reader cannot, an editor can", async () => {
    const { article } = await sample();
    const other = await createActor("TRANSLATOR");
    await expect(applyToArticle(other, { articleId: article.id, version: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const reader = await createActor("READER");
    await expect(applyToArticle(reader, { articleId: article.id, version: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const editor = await createActor("EDITOR");
    expect((await applyToArticle(editor, { articleId: article.id, version: 1 })).version).toBe(2);
  });

  it("a source image from another site becomes a link, since the page could not show it", async () => {
    const { translator, article } = await translationWith([
      { source: "Intro.", target: "引言。" },
      {
        kind: "IMAGE",
        source: "",
        node: {
          type: "figure",
          attrs: { src: "https://example.com/chain.png", alt: "", caption: "Kill chain" },
        },
      },
    ]);
    const r = await applyToArticle(translator, { articleId: article.id, version: 1 });
    expect(r.linkedImages).toBe(1);
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.bodyHtml).toContain('href="https://example.com/chain.png"');
    expect(row.bodyHtml).not.toContain("<img");
  });
});
