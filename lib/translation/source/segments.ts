import type { JSONContent } from "@tiptap/core";
import { parseHTML } from "linkedom";
import { AppError } from "@/lib/errors";
import type { SegmentKind } from "@/lib/generated/prisma/enums";
import type { SourceSegment } from "@/lib/translation/types";
import { MAX_SOURCE_CHARS, MAX_SOURCE_SEGMENTS, tooLongSource } from "./limits";
import { codeNode, figureNode, tableNode } from "./nodes";
import { ELEMENT_NODE, TEXT_NODE, pushReversed, tagOf, textOf, type DomNode } from "./text";

/**
 * Splits an article's HTML into the segments a translator works through, in reading order:
 * headings, paragraphs, list items (nested lists flattened) and quotes as text; code blocks,
 * tables and images kept whole with their tiptap node. Iterative where a hostile page could nest
 * deeply; past MAX_DEPTH a container's text becomes one segment.
 */

const MAX_DEPTH = 64;

const CONTAINERS = new Set(
  "div section article main header footer aside details summary dl dt dd address center p figcaption span font a".split(
    " ",
  ),
);
const IGNORED = new Set(
  "hr script style noscript template iframe video audio canvas svg math form input button select textarea object embed nav head title meta link".split(
    " ",
  ),
);
const BLOCKS = new Set([
  ..."h1 h2 h3 h4 h5 h6 p ul ol li blockquote pre table figure img picture div section article main header footer aside details summary dl dt dd address center hr figcaption tr td th thead tbody tfoot caption".split(
    " ",
  ),
  ...IGNORED,
]);
/** What a list item's own text leaves out: it follows the item as segments of its own. */
const HELD_IN_ITEM = new Set(["ul", "ol", "pre", "table", "figure", "img", "picture", "blockquote"]);

type Ctx = { base: string | null; out: SourceSegment[]; chars: number };

function push(ctx: Ctx, kind: SegmentKind, text: string, node?: JSONContent) {
  if (!text && kind !== "IMAGE") return;
  ctx.chars += text.length;
  if (ctx.out.length >= MAX_SOURCE_SEGMENTS || ctx.chars > MAX_SOURCE_CHARS)
    throw new AppError("INVALID", tooLongSource());
  ctx.out.push(node ? { kind, text, node } : { kind, text });
}

/** Whether an inline element holds something that must be a segment of its own (<a><img></a>). */
function holdsBlock(el: DomNode): boolean {
  const stack = Array.from(el.childNodes);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType !== ELEMENT_NODE) continue;
    if (BLOCKS.has(tagOf(n))) return true;
    pushReversed(stack, n);
  }
  return false;
}

function pushImage(ctx: Ctx, img: DomNode, caption = "") {
  const node = figureNode(img, ctx.base, caption);
  if (node) push(ctx, "IMAGE", "", node);
}

function findAll(root: DomNode, tags: Set<string>): DomNode[] {
  const found: DomNode[] = [];
  const stack = Array.from(root.childNodes).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (tags.has(tagOf(n))) found.push(n);
    else pushReversed(stack, n);
  }
  return found;
}

function listItem(ctx: Ctx, li: DomNode, list: JSONContent["attrs"], depth: number) {
  push(
    ctx,
    "LIST_ITEM",
    textOf(li, (n) => HELD_IN_ITEM.has(tagOf(n))),
    { type: "listItem", attrs: list },
  );
  for (const held of findAll(li, HELD_IN_ITEM)) block(ctx, held, "PARAGRAPH", depth + 1);
}

function list(ctx: Ctx, el: DomNode, depth: number) {
  const ordered = tagOf(el) === "ol";
  const start = Number(el.getAttribute?.("start"));
  const attrs = ordered
    ? { list: "ordered", ...(Number.isSafeInteger(start) && start > 1 ? { start } : {}) }
    : { list: "bullet" };
  for (const c of Array.from(el.childNodes)) {
    if (tagOf(c) === "li") listItem(ctx, c, attrs, depth);
    else if (c.nodeType === ELEMENT_NODE) block(ctx, c, "PARAGRAPH", depth + 1);
  }
}

/** A table that lays out a page (long cells, nested blocks) is walked like a container instead. */
const isLayoutTable = (t: DomNode) =>
  findAll(t, new Set(["table", "pre", "figure", "ul", "ol", "blockquote", "h1", "h2", "h3"])).length > 0 ||
  findAll(t, new Set(["td", "th"])).some((c) => textOf(c).length > 600);

function block(ctx: Ctx, el: DomNode, textKind: SegmentKind, depth: number): void {
  const tag = tagOf(el);
  if (depth > MAX_DEPTH) return push(ctx, textKind, textOf(el));
  if (/^h[1-6]$/.test(tag)) {
    const level = Math.min(4, Math.max(2, Number(tag[1])));
    return push(ctx, "HEADING", textOf(el), { type: "heading", attrs: { level } });
  }
  switch (tag) {
    case "ul":
    case "ol":
      return list(ctx, el, depth);
    case "li":
      return listItem(ctx, el, { list: "bullet" }, depth);
    case "blockquote":
      return container(ctx, el, "QUOTE", depth);
    case "pre": {
      const code = codeNode(el);
      return code ? push(ctx, "CODE", code.text, code.node) : undefined;
    }
    case "table": {
      if (isLayoutTable(el)) return container(ctx, el, textKind, depth);
      const table = tableNode(el);
      if (table) return push(ctx, "TABLE", table.text, table.node);
      // beyond the body's table limits: its rows as paragraphs rather than a refused body
      for (const tr of findAll(el, new Set(["tr"])))
        push(
          ctx,
          textKind,
          findAll(tr, new Set(["td", "th"]))
            .map((c) => textOf(c))
            .join(" | ")
            .trim(),
        );
      return;
    }
    case "figure": {
      const imgs = findAll(el, new Set(["img"]));
      if (imgs.length === 0) return container(ctx, el, textKind, depth);
      const caption = findAll(el, new Set(["figcaption"]))[0];
      for (const img of imgs) pushImage(ctx, img, caption ? textOf(caption) : "");
      return;
    }
    case "img":
      return pushImage(ctx, el);
    case "picture": {
      const img = findAll(el, new Set(["img"]))[0];
      return img ? pushImage(ctx, img) : undefined;
    }
  }
  if (IGNORED.has(tag)) return;
  return container(ctx, el, textKind, depth);
}

/** Runs of inline content become one segment of `textKind`; block children are walked in order. */
function container(ctx: Ctx, el: DomNode, textKind: SegmentKind, depth: number) {
  let run: DomNode[] = [];
  const flush = () => {
    if (run.length)
      push(
        ctx,
        textKind,
        textOf({ nodeType: ELEMENT_NODE, nodeName: "SPAN", textContent: null, childNodes: run }),
      );
    run = [];
  };
  for (const c of Array.from(el.childNodes)) {
    const tag = tagOf(c);
    const isBlock =
      c.nodeType === ELEMENT_NODE && (BLOCKS.has(tag) || (CONTAINERS.has(tag) && holdsBlock(c)));
    if (!isBlock) {
      if (c.nodeType === TEXT_NODE || c.nodeType === ELEMENT_NODE) run.push(c);
      continue;
    }
    flush();
    block(ctx, c, textKind, depth + 1);
  }
  flush();
}

/** Segments of an element tree (readability's content, or pasted HTML's body). */
export function segmentsFromDom(root: DomNode, baseUrl: string | null): SourceSegment[] {
  const ctx: Ctx = { base: baseUrl, out: [], chars: 0 };
  container(ctx, root, "PARAGRAPH", 0);
  return ctx.out;
}

/** Segments of an HTML fragment or page, as pasted by a translator when fetching is impossible. */
export function segmentsFromHtml(html: string, baseUrl: string | null = null): SourceSegment[] {
  // a whole page pasted as it is keeps its own structure; a fragment gets a body around it
  const page = /<(html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  return segmentsFromDom(document.body as unknown as DomNode, baseUrl);
}
