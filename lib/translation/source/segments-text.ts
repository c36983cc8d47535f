import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import type { SegmentKind } from "@/lib/generated/prisma/enums";
import type { SourceSegment } from "@/lib/translation/types";
import { codeBlock } from "./nodes";
import { MAX_SOURCE_CHARS, MAX_SOURCE_SEGMENTS, tooLongSource } from "./limits";
import { cleanText, collapse } from "./text";

/**
 * Segments of a source pasted as plain text: paragraphs separated by blank lines, `#`/`##`/`###`
 * lines as headings (h2–h4), `- `, `* ` and `1. ` lines as list items, `> ` lines as a quote, and
 * ``` fences as code blocks. Lines of one paragraph are joined with a space (hard-wrapped text).
 */

const HEADING = /^(#{1,3})\s+(.+)$/;
const BULLET = /^[-*•]\s+(.+)$/;
const ORDERED = /^\d{1,6}[.)]\s+(.+)$/;
const QUOTE = /^>\s?(.*)$/;
const FENCE = /^```\s*([\w+#.-]{0,32})\s*$/;

class Collector {
  out: SourceSegment[] = [];
  private chars = 0;
  private lines: string[] = [];
  private kind: SegmentKind = "PARAGRAPH";

  emit(kind: SegmentKind, text: string, node?: JSONContent) {
    if (!text) return;
    this.chars += text.length;
    if (this.out.length >= MAX_SOURCE_SEGMENTS || this.chars > MAX_SOURCE_CHARS)
      throw new AppError("INVALID", tooLongSource());
    this.out.push(node ? { kind, text, node } : { kind, text });
  }

  /** Adds a line to the paragraph or quote being collected, closing the other kind first. */
  add(kind: SegmentKind, line: string) {
    if (this.lines.length && this.kind !== kind) this.flush();
    this.kind = kind;
    this.lines.push(line);
  }

  flush() {
    this.emit(this.kind, collapse(this.lines.join(" ")));
    this.lines = [];
  }

  code(lines: string[], language: string | null) {
    const text = lines.join("\n").replace(/\s+$/, "");
    this.emit("CODE", text, codeBlock(text, language));
  }
}

export function segmentsFromText(text: string): SourceSegment[] {
  const c = new Collector();
  let fence: { language: string | null; lines: string[] } | null = null;
  for (const raw of cleanText(text).replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (fence) {
      if (/^```$/.test(line)) {
        c.code(fence.lines, fence.language);
        fence = null;
      } else fence.lines.push(raw);
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = FENCE.exec(line))) {
      c.flush();
      fence = { language: m[1] || null, lines: [] };
    } else if (!line) c.flush();
    else if ((m = HEADING.exec(line))) {
      c.flush();
      c.emit("HEADING", collapse(m[2]!), { type: "heading", attrs: { level: m[1]!.length + 1 } });
    } else if ((m = BULLET.exec(line) ?? ORDERED.exec(line))) {
      c.flush();
      const list = BULLET.test(line) ? "bullet" : "ordered";
      c.emit("LIST_ITEM", collapse(m[1]!), { type: "listItem", attrs: { list } });
    } else if ((m = QUOTE.exec(line))) c.add("QUOTE", m[1]!);
    else c.add("PARAGRAPH", line);
  }
  c.flush();
  // an unclosed fence: what followed it is still content, kept as code
  if (fence) c.code(fence.lines, fence.language);
  return c.out;
}
