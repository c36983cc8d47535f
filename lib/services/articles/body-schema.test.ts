import { describe, expect, it } from "vitest";
import { normalizeTiptapDoc } from "./body-schema";

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("normalizeTiptapDoc", () => {
  it("accepts what the editor produces and drops stray attributes and keys", () => {
    const r = normalizeTiptapDoc({ type: "doc", content: [{ ...p("正文"), attrs: { onclick: "x" }, junk: 1 }], extra: true });
    expect(r).toEqual({ doc: { type: "doc", content: [p("正文")] } });
  });

  it("keeps figures, tables, code blocks and links", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "figure", attrs: { src: "/media/ab/x.webp", alt: "图", caption: "图1", width: 10, height: 10 } },
        { type: "codeBlock", attrs: { language: "bash" }, content: [{ type: "text", text: "id" }] },
        { type: "paragraph", content: [{ type: "text", text: "链", marks: [{ type: "link", attrs: { href: "https://a.example" } }] }] },
      ],
    };
    const r = normalizeTiptapDoc(doc);
    expect("doc" in r && r.doc.content?.map((n) => n.type)).toEqual(["figure", "codeBlock", "paragraph"]);
  });

  it("refuses non-documents, unknown nodes and marks, invalid nesting and deep nesting", () => {
    expect(normalizeTiptapDoc(null)).toHaveProperty("error");
    expect(normalizeTiptapDoc({ type: "paragraph" })).toHaveProperty("error");
    expect(normalizeTiptapDoc({ type: "doc", content: [{ type: "iframe" }] })).toHaveProperty("error");
    expect(normalizeTiptapDoc({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "script" }] }] }] })).toHaveProperty("error");
    expect(normalizeTiptapDoc({ type: "doc", content: [{ type: "text", text: "loose text" }] })).toHaveProperty("error");
    let deep: object = p("x");
    for (let i = 0; i < 60; i++) deep = { type: "blockquote", content: [deep] };
    expect(normalizeTiptapDoc({ type: "doc", content: [deep] })).toEqual({ error: expect.stringContaining("嵌套") });
  });
});
