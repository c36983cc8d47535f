import { parseHTML } from "linkedom";
import { AppError } from "@/lib/errors";
import { tagOf, type DomNode } from "./text";

/**
 * Parsing a fetched page within bounds. Readability on linkedom slows down with nesting (800
 * nested divs: ~11 s) and with many elements (14,000 paragraphs: ~5 s), and it runs on the
 * server's one thread. Real article pages stay far below these limits; beyond them the page is
 * refused before readability runs.
 */

const MAX_OPENING_TAGS = 50_000;
const MAX_ELEMENTS = 15_000;
const MAX_NESTING = 120;
const MAX_CHILDREN = 1_000;
const TOO_COMPLEX = "该页面结构过于复杂，无法提取正文，可改用粘贴原文。";
/** Never article text, often thousands of elements (inline SVG icons): removed before counting. */
const NOISE = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "canvas",
  "video",
  "audio",
]);

type Removable = DomNode & { remove(): void };

/** Removes noise subtrees (JSON-LD stays for the metadata), then refuses a page past the limits. */
function pruneAndMeasure(root: Removable) {
  let elements = 0;
  const stack: [Removable, number][] = [[root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    if (n.nodeType !== 1) continue;
    const tag = tagOf(n);
    if (NOISE.has(tag) && !(tag === "script" && n.getAttribute?.("type") === "application/ld+json")) {
      n.remove();
      continue;
    }
    // linkedom builds childNodes on every access: read it once
    const kids = Array.from(n.childNodes) as Removable[];
    if (++elements > MAX_ELEMENTS || depth > MAX_NESTING || kids.length > MAX_CHILDREN)
      throw new AppError("INVALID", TOO_COMPLEX);
    for (const k of kids) stack.push([k, depth + 1]);
  }
}

/** A whole document with <html> and <body> (linkedom makes a fragment's first element the root). */
export function parsePage(html: string) {
  // the parser's own time grows with nesting too: count opening tags before building a DOM
  if ((html.match(/<[a-z]/gi)?.length ?? 0) > MAX_OPENING_TAGS) throw new AppError("INVALID", TOO_COMPLEX);
  const wrap = (h: string) => `<!doctype html><html><head></head><body>${h}</body></html>`;
  const isPage = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html);
  let document = parseHTML(isPage ? html : wrap(html)).document;
  if (document.documentElement?.tagName !== "HTML" || !document.body)
    document = parseHTML(wrap(html)).document;
  pruneAndMeasure(document.documentElement as unknown as Removable);
  return document;
}
