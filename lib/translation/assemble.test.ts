import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { renderArticle } from "@/lib/content/render";
import { normalizeTiptapDoc } from "@/lib/services/articles/body-schema";
import { assembleBody, type AssemblySegment } from "./assemble";

const text = (t: string) => [{ type: "text", text: t }];
const seg = (kind: AssemblySegment["kind"], targetText: string, sourceNode?: JSONContent) => ({
  kind,
  targetText,
  sourceNode,
});
const code: JSONContent = { type: "codeBlock", attrs: { language: "bash" }, content: text("curl -s x | sh") };
const table: JSONContent = {
  type: "table",
  content: [
    {
      type: "tableRow",
      content: [{ type: "tableCell", content: [{ type: "paragraph", content: text("CVE-2026-1234") }] }],
    },
  ],
};
const ownImage = "/media/ab/" + "c".repeat(64) + ".png";

describe("assembleBody", () => {
  it("maps headings, paragraphs, quotes and carries code and tables as they are", () => {
    const { doc, skipped } = assembleBody([
      seg("HEADING", "攻击概览", { type: "heading", attrs: { level: 2 } }),
      seg("PARAGRAPH", "攻击者利用了 CVE-2026-1234。"),
      seg("CODE", "", code),
      seg("QUOTE", "我们已修复该漏洞。"),
      seg("TABLE", "", table),
    ]);
    expect(skipped).toBe(0);
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 2 }, content: text("攻击概览") },
      { type: "paragraph", content: text("攻击者利用了 CVE-2026-1234。") },
      code,
      { type: "blockquote", content: [{ type: "paragraph", content: text("我们已修复该漏洞。") }] },
      table,
    ]);
  });

  it("keeps a heading's level within h2–h4", () => {
    const levels = [1, 3, 6, undefined].map(
      (level) =>
        assembleBody([seg("HEADING", "标题", { type: "heading", attrs: { level } })]).doc.content![0]!.attrs!
          .level,
    );
    expect(levels).toEqual([2, 3, 4, 2]);
  });

  it("joins consecutive list items into one list and starts a new one at a change of type", () => {
    const bullet = { type: "listItem", attrs: { list: "bullet" } };
    const ordered = { type: "listItem", attrs: { list: "ordered", start: 3 } };
    const { doc } = assembleBody([
      seg("LIST_ITEM", "一", bullet),
      seg("LIST_ITEM", "二", bullet),
      seg("LIST_ITEM", "三", ordered),
      seg("PARAGRAPH", "中间段落"),
      seg("LIST_ITEM", "四", bullet),
    ]);
    const item = (t: string) => ({ type: "listItem", content: [{ type: "paragraph", content: text(t) }] });
    expect(doc.content).toEqual([
      { type: "bulletList", content: [item("一"), item("二")] },
      { type: "orderedList", attrs: { start: 3 }, content: [item("三")] },
      { type: "paragraph", content: text("中间段落") },
      { type: "bulletList", content: [item("四")] },
    ]);
  });

  it("skips untranslated text segments instead of filling in English", () => {
    const { doc, skipped } = assembleBody([
      seg("PARAGRAPH", "第一段"),
      seg("PARAGRAPH", "   "),
      seg("HEADING", "", { type: "heading", attrs: { level: 2 } }),
      seg("PARAGRAPH", "第三段"),
    ]);
    expect(skipped).toBe(2);
    expect(doc.content).toEqual([
      { type: "paragraph", content: text("第一段") },
      { type: "paragraph", content: text("第三段") },
    ]);
  });

  it("an untranslated paragraph between list items still ends the list", () => {
    const li = { type: "listItem", attrs: { list: "bullet" } };
    const { doc } = assembleBody([
      seg("LIST_ITEM", "甲", li),
      seg("PARAGRAPH", ""),
      seg("LIST_ITEM", "乙", li),
    ]);
    expect(doc.content!.map((n) => n.type)).toEqual(["bulletList", "bulletList"]);
  });

  it("turns line breaks inside a segment into hard breaks", () => {
    const { doc } = assembleBody([seg("PARAGRAPH", "第一行\n第二行")]);
    expect(doc.content![0]!.content).toEqual([
      { type: "text", text: "第一行" },
      { type: "hardBreak" },
      { type: "text", text: "第二行" },
    ]);
  });

  it("carries an uploaded figure and links an external image it cannot show", () => {
    const own = { type: "figure", attrs: { src: ownImage, alt: "示意图", caption: "" } };
    const external = {
      type: "figure",
      attrs: { src: "https://example.com/a.png", alt: "", caption: "Kill chain" },
    };
    const { doc, linkedImages } = assembleBody([seg("IMAGE", "", own), seg("IMAGE", "", external)]);
    expect(linkedImages).toBe(1);
    expect(doc.content).toEqual([
      own,
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "原文图片：Kill chain",
            marks: [{ type: "link", attrs: { href: "https://example.com/a.png" } }],
          },
        ],
      },
    ]);
  });

  it("produces a body the article schema accepts and the renderer renders", () => {
    const { doc } = assembleBody([
      seg("HEADING", "勒索软件团伙", { type: "heading", attrs: { level: 3 } }),
      seg("PARAGRAPH", "该团伙使用了信息窃取程序 <script>。"),
      seg("LIST_ITEM", "初始访问", { type: "listItem", attrs: { list: "ordered" } }),
      seg("LIST_ITEM", "横向移动", { type: "listItem", attrs: { list: "ordered" } }),
      seg("QUOTE", "“请立即更新。”"),
      seg("CODE", "", code),
      seg("TABLE", "", table),
      seg("IMAGE", "", {
        type: "figure",
        attrs: { src: "https://example.com/x.png", alt: "x", caption: "" },
      }),
    ]);
    const normalized = normalizeTiptapDoc(doc);
    expect(normalized).not.toHaveProperty("error");
    const { html } = renderArticle((normalized as { doc: JSONContent }).doc);
    expect(html).toContain("<h3");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toMatch(/<ol>\s*<li><p>初始访问<\/p><\/li>/);
    expect(html).toContain("<blockquote>");
    expect(html).toContain("CVE-2026-1234");
    expect(html).toContain('href="https://example.com/x.png"');
  });
});
