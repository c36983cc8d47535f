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

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? "")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
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
