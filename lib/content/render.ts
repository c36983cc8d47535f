import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { findCveIds, isProseText } from "@/lib/cve/detect";
import { AppError } from "@/lib/errors";
import { readIocItems } from "@/lib/ioc/block";
import { iocBlockHtml } from "@/lib/ioc/render-html";
import { articleExtensions } from "./extensions";
import { escapeHtml, highlightCode } from "./highlight";
import { MAX_HIGHLIGHT_CHARS, MAX_HTML_BYTES, RENDER_TIME_BUDGET_MS } from "./limits";
import { measureDoc } from "./measure";
import { plainText } from "./plain-text";
import { sanitizeArticleHtml } from "./sanitize";
import { articleSchema } from "./schema";

export type TocEntry = { id: string; level: number; text: string };
export type RenderedArticle = { html: string; text: string; toc: TocEntry[] };

export const RENDER_BUDGET_MESSAGE = "正文过于复杂，无法渲染。请精简内容、拆分表格或拆分为多篇文章后重试。";

const invalid = (message: string) => new AppError("INVALID", message, { fieldErrors: { body: [message] } });
const join = (children: unknown) =>
  ([] as string[]).concat((children as string[] | undefined) ?? []).join("");

/**
 * Output size and time, checked as the renderer goes (at every text node and every node we map):
 * the input limits already make a render linear in the document, this makes sure a future
 * extension that multiplies output fails closed instead of running away.
 */
export type RenderBudget = { maxHtmlBytes: number; timeMs: number };
const defaultBudget: RenderBudget = { maxHtmlBytes: MAX_HTML_BYTES, timeMs: RENDER_TIME_BUDGET_MS };

function meter({ maxHtmlBytes, timeMs }: RenderBudget) {
  const started = performance.now();
  let bytes = 0;
  return (added: number) => {
    bytes += added;
    if (bytes > maxHtmlBytes || performance.now() - started > timeMs) throw invalid(RENDER_BUDGET_MESSAGE);
  };
}

/**
 * tiptap JSON → sanitised HTML, plain text and a table of contents. Runs at write time; pages
 * only ever render the stored result. Headings get stable ids (h-1, h-2, …) for the TOC.
 * The document is measured first (measureDoc: every limit in limits.ts), so a stored revision
 * that predates a limit is refused with a message (INVALID) rather than rendered.
 */
export function renderArticle(doc: JSONContent, budget: RenderBudget = defaultBudget): RenderedArticle {
  const measured = measureDoc(doc);
  if (!measured.ok) throw invalid(measured.error);
  const spend = meter(budget);
  let highlightLeft = MAX_HIGHLIGHT_CHARS;
  const toc: TocEntry[] = [];
  const raw = renderToHTMLString({
    // a node of the cached schema: given JSON, the renderer builds the schema anew every time
    content: articleSchema().nodeFromJSON(doc),
    extensions: articleExtensions,
    options: {
      nodeMapping: {
        text: ({ node }) => {
          const html = linkCves(node);
          spend(html.length);
          return html;
        },
        heading: ({ node, children }) => {
          const level = Math.min(4, Math.max(2, Number(node.attrs.level) || 2));
          const id = `h-${toc.length + 1}`;
          toc.push({ id, level, text: node.textContent.trim() });
          spend(24);
          return `<h${level} id="${id}">${join(children)}</h${level}>`;
        },
        codeBlock: ({ node }) => {
          const lang = typeof node.attrs.language === "string" ? node.attrs.language : "";
          const cls = lang ? ` class="language-${escapeHtml(lang.replace(/[^\w-]/g, ""))}"` : "";
          const code = node.textContent;
          // highlighting multiplies the bytes of code (a span per token): past the allowance, plain text
          const highlight = code.length <= highlightLeft;
          if (highlight) highlightLeft -= code.length;
          const html = `<pre><code${cls}>${highlight ? highlightCode(code, lang) : escapeHtml(code)}</code></pre>`;
          spend(html.length);
          return html;
        },
        // no <colgroup>: tiptap's table wrote one <col> per spanned column (colspan 2e9 → 2e9 elements,
        // issue 8), and the sanitiser drops their widths anyway
        // indicators: escaped text in <code>, defanged when malicious, never links (lib/ioc)
        iocBlock: ({ node }) => {
          const html = iocBlockHtml(readIocItems(node.attrs.items));
          spend(html.length);
          return html;
        },
        table: ({ children }) => {
          spend(30);
          return `<table><tbody>${join(children)}</tbody></table>`;
        },
      },
    },
  });
  const html = sanitizeArticleHtml(raw);
  spend(html.length - raw.length);
  return { html, text: plainText(doc), toc };
}

/**
 * A text node's escaped HTML, with each CVE id mentioned in prose linked to its page (issue 16).
 * Done here, at write time, with the detection that fills article_cves (lib/cve/detect.ts): the
 * same ids are linked and listed. Text under a link or code mark is left alone (code blocks never
 * reach this mapping); the href is built from the canonical id only, the text is the author's.
 */
function linkCves(node: { text?: string | null; marks: readonly { type: { name: string } }[] }): string {
  const text = node.text ?? "";
  const found = isProseText(node) ? findCveIds(text) : [];
  if (found.length === 0) return escapeHtml(text);
  let html = "";
  let at = 0;
  for (const m of found) {
    html += escapeHtml(text.slice(at, m.start));
    html += `<a href="/cve/${m.id}">${escapeHtml(text.slice(m.start, m.end))}</a>`;
    at = m.end;
  }
  return html + escapeHtml(text.slice(at));
}

export const emptyDoc = (): JSONContent => ({ type: "doc", content: [{ type: "paragraph" }] });
