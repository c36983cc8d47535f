import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { articleExtensions } from "./extensions";
import { escapeHtml, highlightCode } from "./highlight";
import { sanitizeArticleHtml } from "./sanitize";

export type TocEntry = { id: string; level: number; text: string };
export type RenderedArticle = { html: string; text: string; toc: TocEntry[] };

function textOf(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "figure") return String(node.attrs?.caption ?? "");
  return (node.content ?? []).map(textOf).join("");
}

const BLOCKS = new Set(["paragraph", "heading", "blockquote", "codeBlock", "listItem", "tableRow", "figure"]);
function plainText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (BLOCKS.has(node.type ?? "")) return textOf(node).trim() + "\n";
  return (node.content ?? []).map(plainText).join("");
}

/**
 * tiptap JSON → sanitised HTML, plain text and a table of contents. Runs at write time; pages
 * only ever render the stored result. Headings get stable ids (h-1, h-2, …) for the TOC.
 */
export function renderArticle(doc: JSONContent): RenderedArticle {
  const toc: TocEntry[] = [];
  const raw = renderToHTMLString({
    content: doc,
    extensions: articleExtensions,
    options: {
      nodeMapping: {
        heading: ({ node, children }) => {
          const level = Math.min(4, Math.max(2, Number(node.attrs.level) || 2));
          const id = `h-${toc.length + 1}`;
          toc.push({ id, level, text: node.textContent.trim() });
          return `<h${level} id="${id}">${([] as string[]).concat(children ?? []).join("")}</h${level}>`;
        },
        codeBlock: ({ node }) => {
          const lang = typeof node.attrs.language === "string" ? node.attrs.language : "";
          const cls = lang ? ` class="language-${escapeHtml(lang.replace(/[^\w-]/g, ""))}"` : "";
          return `<pre><code${cls}>${highlightCode(node.textContent, lang)}</code></pre>`;
        },
      },
    },
  });
  return { html: sanitizeArticleHtml(raw), text: plainText(doc).replace(/\n{2,}/g, "\n").trim(), toc };
}

export const emptyDoc = (): JSONContent => ({ type: "doc", content: [{ type: "paragraph" }] });
