import type { JSONContent } from "@tiptap/core";
import { isOwnImageUrl } from "@/lib/content/image-url";
import { MAX_ORDERED_LIST_START } from "@/lib/content/limits";
import type { SegmentKind } from "@/lib/generated/prisma/enums";
import { CARRIED_KINDS } from "./types";

/** What assembling needs of a segment: its kind, our Chinese, and the source's tiptap node. */
export type AssemblySegment = {
  kind: SegmentKind;
  targetText: string;
  sourceNode?: JSONContent | null;
};

export type AssembledBody = {
  doc: JSONContent;
  /** text segments without a translation, left out (never filled with English) */
  skipped: number;
  /** source images from another site, carried as a link: the CSP only shows images uploaded here */
  linkedImages: number;
};

/** Line breaks a translator typed inside one segment stay line breaks, not new paragraphs. */
function inline(text: string): JSONContent[] {
  const out: JSONContent[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) out.push({ type: "hardBreak" });
    if (line) out.push({ type: "text", text: line });
  });
  return out;
}

const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: inline(text) });

// articles have h2–h4 only (lib/content/extensions.ts): an h1 below the title becomes an h2
function headingLevel(node: JSONContent | null | undefined): number {
  const level = Number(node?.attrs?.level);
  return Number.isInteger(level) ? Math.min(4, Math.max(2, level)) : 2;
}

/** An image we cannot show (not uploaded here) stays visible as a link to the original file. */
function carriedImage(node: JSONContent): JSONContent {
  const src = typeof node.attrs?.src === "string" ? node.attrs.src : "";
  if (node.type === "figure" && isOwnImageUrl(src)) return node;
  const label = String(node.attrs?.caption || node.attrs?.alt || "").trim();
  const text = `原文图片${label ? `：${label}` : ""}`;
  if (!/^https?:\/\//i.test(src)) return paragraph(text);
  return {
    type: "paragraph",
    content: [{ type: "text", text, marks: [{ type: "link", attrs: { href: src } }] }],
  };
}

function newList(node: JSONContent | null): JSONContent {
  if (node?.attrs?.list !== "ordered") return { type: "bulletList", content: [] };
  const start = Number(node.attrs.start);
  // a list the source numbered from 5 keeps its numbering
  return Number.isSafeInteger(start) && start > 1 && start <= MAX_ORDERED_LIST_START
    ? { type: "orderedList", attrs: { start }, content: [] }
    : { type: "orderedList", content: [] };
}

/**
 * The article body from the segments, in order: headings keep the source's level, consecutive
 * list items form one list (bullet or ordered, from node.attrs.list), quotes become blockquotes,
 * code, tables and images are carried over from the source as they are. Pure: the server writes
 * the result through saveContent, which re-validates it against the body schema.
 */
export function assembleBody(segments: readonly AssemblySegment[]): AssembledBody {
  const content: JSONContent[] = [];
  let list: JSONContent | null = null;
  let skipped = 0;
  let linkedImages = 0;

  for (const s of segments) {
    const node = s.sourceNode ?? null;
    if (CARRIED_KINDS.includes(s.kind)) {
      list = null;
      if (!node) continue;
      const carried = s.kind === "IMAGE" ? carriedImage(node) : node;
      if (carried !== node) linkedImages++;
      content.push(carried);
      continue;
    }
    const text = s.targetText.trim();
    if (s.kind !== "LIST_ITEM") list = null;
    if (!text) {
      skipped++;
      continue;
    }
    switch (s.kind) {
      case "HEADING":
        content.push({ type: "heading", attrs: { level: headingLevel(node) }, content: inline(text) });
        break;
      case "QUOTE":
        content.push({ type: "blockquote", content: [paragraph(text)] });
        break;
      case "LIST_ITEM": {
        const fresh = newList(node);
        if (!list || list.type !== fresh.type) {
          list = fresh;
          content.push(list);
        }
        list.content!.push({ type: "listItem", content: [paragraph(text)] });
        break;
      }
      default:
        content.push(paragraph(text));
    }
  }
  return { doc: { type: "doc", content }, skipped, linkedImages };
}
