import type { JSONContent } from "@tiptap/core";
import { measureDoc } from "@/lib/content/measure";
import { MAX_IMAGE_TEXT, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, MAX_URL_LENGTH } from "@/lib/content/limits";
import { codeText, collapse, tagOf, textOf, type DomNode } from "./text";

/**
 * The tiptap nodes carried whole from the source into the article (CODE, TABLE, IMAGE), built in
 * the article schema's own shapes (lib/content/extensions.ts) so assembly can insert them as they are.
 */

const attr = (n: DomNode, name: string) => n.getAttribute?.(name) ?? null;
const clip = (s: string, max: number) => Array.from(s).slice(0, max).join("");

function childElements(n: DomNode, tags: string[]): DomNode[] {
  return Array.from(n.childNodes).filter((c) => tags.includes(tagOf(c)));
}

export function codeNode(pre: DomNode): { text: string; node: JSONContent } | null {
  const code = childElements(pre, ["code"])[0];
  const text = codeText(pre);
  if (!text.trim()) return null;
  const classes = `${attr(pre, "class") ?? ""} ${code ? (attr(code, "class") ?? "") : ""}`;
  const language = /(?:^|\s)(?:language|lang)-([\w+#.-]{1,32})(?:\s|$)/.exec(classes)?.[1] ?? null;
  return { text, node: codeBlock(text, language) };
}

/** A span attribute the schema accepts (lib/content/attr-rules.ts), or 1. */
function span(n: DomNode, name: string, max: number): number {
  const v = Number(attr(n, name));
  return Number.isInteger(v) && v >= 1 && v <= max ? v : 1;
}

function rowsOf(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const c of Array.from(table.childNodes)) {
    const tag = tagOf(c);
    if (tag === "tr") rows.push(c);
    else if (tag === "thead" || tag === "tbody" || tag === "tfoot") rows.push(...childElements(c, ["tr"]));
  }
  return rows;
}

/**
 * A data table as a tiptap table, with its text (cells joined by " | ", rows by line breaks) for
 * hashing and display. Null when the table is empty or beyond the body's table limits; the
 * caller then takes its rows as paragraphs instead.
 */
export function tableNode(table: DomNode): { text: string; node: JSONContent } | null {
  const lines: string[] = [];
  const content: JSONContent[] = [];
  for (const tr of rowsOf(table)) {
    const cells = childElements(tr, ["td", "th"]);
    if (cells.length === 0) continue;
    const texts = cells.map((c) => textOf(c));
    lines.push(texts.join(" | ").trimEnd());
    content.push({
      type: "tableRow",
      content: cells.map((c, i) => ({
        type: tagOf(c) === "th" ? "tableHeader" : "tableCell",
        attrs: {
          colspan: span(c, "colspan", MAX_TABLE_COLUMNS),
          rowspan: span(c, "rowspan", MAX_TABLE_ROWS),
        },
        content: [
          { type: "paragraph", ...(texts[i] ? { content: [{ type: "text", text: texts[i] }] } : {}) },
        ],
      })),
    });
  }
  if (!lines.some((l) => l.replace(/\|/g, "").trim())) return null;
  const node: JSONContent = { type: "table", content };
  return measureDoc({ type: "doc", content: [node] }).ok ? { text: lines.join("\n"), node } : null;
}

/** An absolute http(s) address for an image, from src or the lazy-loading attributes. */
function imageSrc(img: DomNode, base: string | null): string | null {
  const srcset = attr(img, "srcset") ?? attr(img, "data-srcset");
  const candidates = [attr(img, "src"), attr(img, "data-src"), srcset?.trim().split(/\s+/)[0] ?? null];
  for (const c of candidates) {
    if (!c || c.startsWith("data:")) continue;
    try {
      const url = new URL(c.trim(), base ?? undefined); // no base: only absolute addresses
      if ((url.protocol === "http:" || url.protocol === "https:") && url.href.length <= MAX_URL_LENGTH)
        return url.href;
    } catch {
      // not a URL: try the next candidate
    }
  }
  return null;
}

/**
 * Our `figure` node with the source's absolute image address. The body schema takes only images
 * uploaded here (lib/content/image-url.ts), so assembly (lib/translation/assemble.ts) turns a
 * foreign one into a link to the original; the node keeps src, alt and caption for that.
 */
export function figureNode(img: DomNode, base: string | null, caption = ""): JSONContent | null {
  const src = imageSrc(img, base);
  if (!src) return null;
  return {
    type: "figure",
    attrs: {
      src,
      alt: clip(collapse(attr(img, "alt") ?? ""), MAX_IMAGE_TEXT),
      caption: clip(collapse(caption), MAX_IMAGE_TEXT),
    },
  };
}

export const codeBlock = (text: string, language: string | null): JSONContent => ({
  type: "codeBlock",
  attrs: { language },
  content: [{ type: "text", text }],
});
