import type { JSONContent } from "@tiptap/core";
import { renderArticle } from "@/lib/content/render";

/**
 * Page bodies are stored like article bodies: the tiptap document (as JSON text in Page.body) and
 * the HTML the article pipeline renders and sanitises from it (Page.bodyHtml). Pages seeded before
 * the editor existed hold a small text markup instead (prisma/seed/lib/page-body.ts: blank-line
 * paragraphs, "## " headings, "- " lists); they are read as the same document, so the editor opens
 * them with their headings and lists, and the first save stores the JSON.
 */
export function storedPageDoc(body: string): JSONContent {
  if (body.startsWith("{")) {
    try {
      const value = JSON.parse(body) as JSONContent;
      if (value && value.type === "doc") return value;
    } catch {
      // not JSON after all: a text page that happens to start with a brace
    }
  }
  return legacyPageDoc(body);
}

const text = (t: string): JSONContent => ({ type: "text", text: t });

/** Lines of one block, joined with hard breaks (the seed's <br>). */
function inline(lines: string[]): JSONContent[] {
  return lines.flatMap((l, i) => (i === 0 ? [text(l)] : [{ type: "hardBreak" }, text(l)]));
}

export function legacyPageDoc(body: string): JSONContent {
  const content: JSONContent[] = [];
  for (const block of body.trim().split(/\n\s*\n/)) {
    const lines = block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    if (lines.every((l) => l.startsWith("- "))) {
      content.push({
        type: "bulletList",
        content: lines.map((l) => ({
          type: "listItem",
          content: [{ type: "paragraph", content: l.slice(2).trim() ? [text(l.slice(2).trim())] : [] }],
        })),
      });
    } else if (lines[0]!.startsWith("## ")) {
      const heading = lines[0]!.slice(3).trim();
      content.push({ type: "heading", attrs: { level: 2 }, content: heading ? [text(heading)] : [] });
      if (lines.length > 1) content.push({ type: "paragraph", content: inline(lines.slice(1)) });
    } else content.push({ type: "paragraph", content: inline(lines) });
  }
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

/** The two columns a save writes: the document as JSON text and its sanitised HTML (throws INVALID past the render budget). */
export function renderPageBody(doc: JSONContent): { body: string; bodyHtml: string } {
  return { body: JSON.stringify(doc), bodyHtml: renderArticle(doc).html };
}
