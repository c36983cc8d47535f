import { describe, expect, it } from "vitest";
import { MAX_NODES, MAX_TEXT_LENGTH } from "@/lib/content/limits";
import { UNSAFE_TEXT_MESSAGE } from "@/lib/validation";
import { MAX_BODY_BYTES, normalizeTiptapDoc } from "./body-schema";

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...content: object[]) => ({ type: "doc", content });
const media = `/media/ab/${"0".repeat(64)}.webp`;
const errorOf = (value: unknown) => {
  const r = normalizeTiptapDoc(value);
  return "error" in r ? r.error : null;
};

describe("normalizeTiptapDoc", () => {
  it("accepts what the editor produces and drops stray attributes and keys", () => {
    const r = normalizeTiptapDoc({
      type: "doc",
      content: [{ ...p("正文"), attrs: { onclick: "x" }, junk: 1 }],
      extra: true,
    });
    expect(r).toEqual({ doc: { type: "doc", content: [p("正文")] } });
  });

  it("keeps figures, tables, code blocks and links", () => {
    const r = normalizeTiptapDoc(
      doc(
        { type: "figure", attrs: { src: media, alt: "图", caption: "图1", width: 10, height: 10 } },
        { type: "codeBlock", attrs: { language: "bash" }, content: [{ type: "text", text: "id\n\tls" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "链", marks: [{ type: "link", attrs: { href: "https://a.example" } }] },
          ],
        },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [{ type: "tableCell", attrs: { colspan: 2, colwidth: [100, 0] }, content: [p("格")] }],
            },
          ],
        },
      ),
    );
    expect("doc" in r && r.doc.content?.map((n) => n.type)).toEqual([
      "figure",
      "codeBlock",
      "paragraph",
      "table",
    ]);
  });

  it("refuses non-documents, unknown nodes and marks, invalid nesting and deep nesting", () => {
    expect(normalizeTiptapDoc(null)).toHaveProperty("error");
    expect(normalizeTiptapDoc({ type: "paragraph" })).toHaveProperty("error");
    expect(normalizeTiptapDoc(doc({ type: "iframe" }))).toHaveProperty("error");
    expect(
      normalizeTiptapDoc(
        doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "script" }] }] }),
      ),
    ).toHaveProperty("error");
    expect(normalizeTiptapDoc(doc({ type: "text", text: "loose text" }))).toHaveProperty("error");
    let deep: object = p("x");
    for (let i = 0; i < 60; i++) deep = { type: "blockquote", content: [deep] };
    expect(errorOf(doc(deep))).toContain("嵌套");
  });

  it("refuses a document nested 100,000 levels deep, in content or in a stray attribute, without recursing", () => {
    let content: object = p("x");
    let attr: object = {};
    for (let i = 0; i < 100_000; i++) {
      content = { type: "blockquote", content: [content] };
      attr = { a: [attr] };
    }
    // JSON.stringify of either overflows the stack: the measure must come first
    expect(() => JSON.stringify(content)).toThrow(RangeError);
    expect(errorOf(doc(content))).toContain("嵌套");
    expect(errorOf(doc({ type: "paragraph", attrs: { junk: attr } }))).toContain("嵌套");
  });

  it("refuses NUL, other control characters and lone surrogates in text and attrs with the shared message", () => {
    for (const text of ["a\u0000b", "\u0001", "x\u001B[31m", "\uD800", "\uDC00x"])
      expect(errorOf(doc(p(text))), JSON.stringify(text)).toBe(UNSAFE_TEXT_MESSAGE);
    expect(errorOf(doc({ type: "figure", attrs: { src: media, alt: "\u0000" } }))).toBe(UNSAFE_TEXT_MESSAGE);
    expect(errorOf(doc({ type: "codeBlock", attrs: { language: "\u0000" } }))).toBe(UNSAFE_TEXT_MESSAGE);
    expect(errorOf(doc(p("制表\t换行\n回车\r 🔐")))).toBeNull();
  });

  it("refuses the colspan bomb and every other out-of-range number, before rendering", () => {
    const table = (attrs: object) =>
      doc({
        type: "table",
        content: [{ type: "tableRow", content: [{ type: "tableCell", attrs, content: [p("x")] }] }],
      });
    expect(errorOf(table({ colspan: 2_000_000_000 }))).toMatch(/最多合并 50 列/);
    expect(errorOf(table({ colspan: "999999999" }))).toMatch(/最多合并 50 列/);
    expect(errorOf(table({ rowspan: 1e9 }))).toMatch(/最多合并 1000 行/);
    expect(errorOf(table({ colwidth: Array(51).fill(10) }))).toMatch(/列宽/);
    expect(
      errorOf(doc({ type: "heading", attrs: { level: 1e9 }, content: [{ type: "text", text: "x" }] })),
    ).toMatch(/标题级别/);
    expect(
      errorOf(
        doc({
          type: "orderedList",
          attrs: { start: -1e21 },
          content: [{ type: "listItem", content: [p("x")] }],
        }),
      ),
    ).toMatch(/起始编号/);
    expect(errorOf(doc({ type: "figure", attrs: { src: media, width: 1e9 } }))).toMatch(/图片宽高/);
  });

  it("refuses a heading without a level: parsing would default it to level 1, which articles do not have", () => {
    expect(errorOf(doc({ type: "heading", content: [{ type: "text", text: "x" }] }))).toMatch(/标题级别/);
  });

  it("refuses external and script image sources and non-http links", () => {
    expect(errorOf(doc({ type: "figure", attrs: { src: "https://example.com/a.png" } }))).toMatch(
      /上传到本站/,
    );
    expect(
      errorOf(
        doc({
          type: "paragraph",
          content: [
            { type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          ],
        }),
      ),
    ).toMatch(/链接地址/);
  });

  it("measures size, node count and text length", () => {
    expect(errorOf(doc(p("x".repeat(MAX_BODY_BYTES))))).toMatch(/正文过长/);
    expect(errorOf(doc(p("x".repeat(MAX_TEXT_LENGTH + 1))))).toMatch(/正文过长/);
    expect(errorOf(doc(p("x".repeat(MAX_TEXT_LENGTH))))).toBeNull();
    const breaks = Array.from({ length: MAX_NODES }, () => ({ type: "hardBreak" }));
    expect(errorOf(doc({ type: "paragraph", content: breaks }))).toMatch(/过于复杂/);
  });

  it("refuses values that are not JSON (cycles, bigints, class instances) without hanging", () => {
    const cyclic: { type: string; content: unknown[] } = { type: "doc", content: [] };
    cyclic.content.push(cyclic);
    expect(errorOf(cyclic)).not.toBeNull();
    expect(errorOf(doc({ type: "figure", attrs: { src: media, width: 10n } }))).not.toBeNull();
    expect(errorOf(doc({ type: "paragraph", attrs: { x: new Date() } }))).not.toBeNull();
    expect(errorOf({ type: "doc", content: new Array(1e9) })).toMatch(/正文过长/);
  });
});
