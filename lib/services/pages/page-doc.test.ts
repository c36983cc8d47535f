import { describe, expect, it } from "vitest";
import { renderArticle } from "@/lib/content/render";
import { pages } from "@/prisma/seed/data/pages";
import { normalizeTiptapDoc } from "../articles/body-schema";
import { legacyPageDoc, storedPageDoc } from "./page-doc";

describe("page bodies", () => {
  it("reads every seeded page's text markup as a valid document with its headings and lists", () => {
    for (const p of pages) {
      const doc = legacyPageDoc(p.body);
      expect(normalizeTiptapDoc(doc), p.slug).toHaveProperty("doc");
      const html = renderArticle(doc).html;
      expect(html.match(/<h2 /g)?.length ?? 0, p.slug).toBe(p.body.match(/^## /gm)?.length ?? 0);
      expect(html.match(/<li>/g)?.length ?? 0, p.slug).toBe(p.body.match(/^- /gm)?.length ?? 0);
    }
  });

  it("keeps line breaks inside a paragraph and escapes markup", () => {
    const html = renderArticle(legacyPageDoc("第一行\n<b>第二行</b>")).html;
    expect(html).toBe("<p>第一行<br />&lt;b&gt;第二行&lt;/b&gt;</p>");
  });

  it("tells stored JSON documents from text, and an empty body is one empty paragraph", () => {
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] };
    expect(storedPageDoc(JSON.stringify(doc))).toEqual(doc);
    expect(storedPageDoc("{不是 JSON")).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "{不是 JSON" }] }],
    });
    expect(storedPageDoc('{"type":"table"}').content?.[0]?.type).toBe("paragraph");
    expect(storedPageDoc("  ")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});
