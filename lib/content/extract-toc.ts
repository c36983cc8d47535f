import type { TocEntry } from "./render";

const HEADING = /<h([23])\s+id="(h-\d+)"[^>]*>([\s\S]*?)<\/h\1>/g;
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  apos: "'",
  nbsp: " ",
};

// one pass, so "&amp;#99999999;" (what the text "&#99999999;" is stored as) stays that text
// instead of being decoded twice, into an invalid code point that threw and failed the page
const ENTITY = /&(?:(amp|lt|gt|quot|#39|apos|nbsp)|#(\d{1,10})|#x([0-9a-f]{1,8}));/gi;
const codePoint = (n: number) =>
  n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : "\uFFFD";

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
      name ? (ENTITIES[name.toLowerCase()] ?? "") : codePoint(dec ? Number(dec) : parseInt(hex!, 16)),
    )
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The table of contents of a stored article: its h2/h3 headings with the ids the renderer gave
 * them (h-1, h-2…). Read back from the sanitised HTML, which is the only thing the page has;
 * h4 is left out so the list stays short.
 */
export function extractToc(bodyHtml: string): TocEntry[] {
  const out: TocEntry[] = [];
  for (const m of bodyHtml.matchAll(HEADING)) {
    const text = textOf(m[3] ?? "");
    if (text) out.push({ id: m[2]!, level: Number(m[1]), text });
  }
  return out;
}

/** A contents box helps long articles only: several sections, or a couple in a long body. */
export const wantsToc = (toc: TocEntry[], bodyLength: number) =>
  toc.length >= 3 || (toc.length >= 2 && bodyLength >= 2000);
