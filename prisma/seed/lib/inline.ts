import type { JSONContent } from "@tiptap/core";
import type { SeedBlock } from "../data/types";

type Mark = { type: string; attrs?: Record<string, unknown> };

// **bold**, *italic*, `code`, [label](https://url): the only inline markup the demo content uses.
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\[(.+?)\]\((https?:\/\/[^)\s]+)\)/g;

function inline(text: string): JSONContent[] {
  const out: JSONContent[] = [];
  let last = 0;
  const push = (t: string, marks?: Mark[]) =>
    t && out.push(marks ? { type: "text", text: t, marks } : { type: "text", text: t });
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(last, m.index));
    if (m[1]) push(m[1], [{ type: "bold" }]);
    else if (m[2]) push(m[2], [{ type: "italic" }]);
    else if (m[3]) push(m[3], [{ type: "code" }]);
    else if (m[4] && m[5]) push(m[4], [{ type: "link", attrs: { href: m[5] } }]);
    last = (m.index ?? 0) + m[0].length;
  }
  push(text.slice(last));
  return out;
}

const para = (text: string): JSONContent => ({ type: "paragraph", content: inline(text) });
const cell = (type: "tableHeader" | "tableCell", text: string): JSONContent => ({
  type,
  content: [para(text)],
});

type FigureImage = { url: string; srcset: string; width: number; height: number };

/** Demo blocks → a tiptap document, so seeded articles take the same render path as edited ones. */
export function toDoc(blocks: SeedBlock[], figure: (i: number) => FigureImage): JSONContent {
  let figures = 0;
  const content = blocks.map((b): JSONContent => {
    switch (b.type) {
      case "p":
        return para(b.text);
      case "h2":
      case "h3":
        return {
          type: "heading",
          attrs: { level: b.type === "h2" ? 2 : 3 },
          content: [{ type: "text", text: b.text }],
        };
      case "ul":
      case "ol":
        return {
          type: b.type === "ul" ? "bulletList" : "orderedList",
          content: b.items.map((item) => ({ type: "listItem", content: [para(item)] })),
        };
      case "quote":
        return { type: "blockquote", content: [para(b.text)] };
      case "code":
        return {
          type: "codeBlock",
          attrs: { language: b.language },
          content: [{ type: "text", text: b.code }],
        };
      case "table":
        return {
          type: "table",
          content: [
            { type: "tableRow", content: b.header.map((h) => cell("tableHeader", h)) },
            ...b.rows.map((r) => ({ type: "tableRow", content: r.map((c) => cell("tableCell", c)) })),
          ],
        };
      case "figure": {
        const f = figure(++figures);
        const attrs = { src: f.url, srcset: f.srcset || null, width: f.width, height: f.height };
        return { type: "figure", attrs: { ...attrs, alt: b.alt, caption: b.caption } };
      }
      case "ioc":
        return { type: "iocBlock", attrs: { items: b.items } };
    }
  });
  return { type: "doc", content };
}
