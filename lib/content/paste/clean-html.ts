import { isOwnImageUrl } from "../image-url";
import { buildWordLists } from "./word-lists";

export type CleanedPaste = { html: string; removedImages: number };
type Parse = (html: string) => Document;
type Options = { parse?: Parse; origin?: string };

const browserParse: Parse = (html) => new DOMParser().parseFromString(html, "text/html");

// removed with their content: page furniture, never article text
const DROP = [
  "script,style,meta,link,title,template,noscript,iframe,frame,object,embed,video,audio,canvas",
  "svg,math,button,input,select,textarea,colgroup,col",
].join(",");
// kept per element; every other attribute (class, style, lang, id, width…) goes
const KEEP_ATTRS: Record<string, string[]> = {
  A: ["href"],
  IMG: ["src", "alt", "width", "height"],
  TD: ["colspan", "rowspan"],
  TH: ["colspan", "rowspan"],
  OL: ["start"],
  CODE: ["class"],
  // our own <picture>: the WebP renditions of an upload (copied within the editor or from our pages)
  SOURCE: ["type", "srcset"],
  // an IOC block copied within the editor: its rows as JSON, read again by lib/content/ioc-block.ts
  DIV: ["data-ioc-items"],
};
const isLinkHref = (s: string) => /^(https?:\/\/|mailto:|#|\/(?![/\\]))/i.test(s.trim());

/**
 * Word's conditional comments, before the HTML parser sees them: VML shapes and XML settings go
 * (`<!--[if gte vml 1]>…<![endif]-->`), a list item's typed marker is kept in a span we read for the
 * list type (bullet or number) and then drop, and the `<![if !vml]>` fallbacks keep their content.
 */
function preClean(html: string): string {
  // Chrome's clipboard HTML is a fragment ("<meta charset='utf-8'><h1>…"): give it the body a browser would
  const doc = /<body[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`;
  return doc
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi, '<span data-list-marker="">$1</span>')
    .replace(/<!\[(?:if [^\]]*|endif)\]>/gi, "");
}

function unwrap(el: Element) {
  el.replaceWith(...Array.from(el.childNodes));
}

function rename(el: Element, tag: string): Element {
  const doc = el.ownerDocument;
  const out = doc.createElement(tag);
  out.append(...Array.from(el.childNodes));
  el.replaceWith(out);
  return out;
}

/** Every node below root, parents before children, as a static list (safe to edit while iterating). */
function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n !== root) out.push(n);
    const kids = Array.from(n.childNodes);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Web pages style their marks: Google Docs and CMSs write <span style="font-weight:700"> for bold. */
function styleMarks(el: Element) {
  const style = (el.getAttribute("style") ?? "").toLowerCase();
  if (el.tagName === "B" && /(^|;)\s*font-weight\s*:\s*(normal|400)/.test(style)) return unwrap(el);
  if (el.tagName !== "SPAN") return;
  let inner: Element = el;
  const wrap = (tag: string) => {
    const m = el.ownerDocument.createElement(tag);
    m.append(...Array.from(inner.childNodes));
    inner.append(m);
    inner = m;
  };
  if (/(^|;)\s*font-weight\s*:\s*(bold|[6-9]00)/.test(style)) wrap("strong");
  if (/(^|;)\s*font-style\s*:\s*italic/.test(style)) wrap("em");
  if (/(^|;)\s*text-decoration(-line)?\s*:[^;]*line-through/.test(style)) wrap("s");
}

function ownImageSrc(src: string, origin: string | undefined): string | null {
  const s = src.trim();
  if (isOwnImageUrl(s)) return s;
  if (origin && s.startsWith(origin + "/") && isOwnImageUrl(s.slice(origin.length)))
    return s.slice(origin.length);
  return null;
}

/** Our own images become figures; any other (Word's file:///, a news site's CDN, data:, trackers) is dropped. */
function cleanImages(body: HTMLElement, origin: string | undefined): number {
  let removed = 0;
  for (const img of Array.from(body.querySelectorAll("img"))) {
    const src = ownImageSrc(img.getAttribute("src") ?? "", origin);
    if (!src) {
      img.remove();
      removed++;
      continue;
    }
    img.setAttribute("src", src);
    if (!img.closest("figure")) {
      // a figure is a block: it follows the paragraph the image sat in
      const fig = body.ownerDocument.createElement("figure");
      const block = img.closest("p,h1,h2,h3,h4,h5,h6");
      if (block) block.after(fig);
      else img.replaceWith(fig);
      fig.append(img);
    }
  }
  for (const source of Array.from(body.querySelectorAll("source"))) {
    const urls = (source.getAttribute("srcset") ?? "").split(",").map((e) => e.trim().split(/\s+/)[0] ?? "");
    if (!urls.every((u) => ownImageSrc(u, origin) === u)) source.remove();
  }
  // a figure whose image was external: its caption stays as an ordinary paragraph
  for (const fig of Array.from(body.querySelectorAll("figure"))) {
    if (fig.querySelector("img")) continue;
    for (const cap of Array.from(fig.querySelectorAll("figcaption"))) rename(cap, "p");
    unwrap(fig);
  }
  return removed;
}

function stripAttributes(el: Element) {
  const keep = KEEP_ATTRS[el.tagName] ?? [];
  for (const { name } of Array.from(el.attributes)) {
    // ProseMirror's own copy marks its slice depth: keep it so a copy inside the editor pastes back exactly
    if (name === "data-pm-slice" || keep.includes(name)) continue;
    el.removeAttribute(name);
  }
  if (el.tagName === "A") {
    const href = (el.getAttribute("href") ?? "").trim();
    if (!isLinkHref(href)) return unwrap(el);
    el.setAttribute("href", href);
  }
  if (el.tagName === "CODE" && !/^language-[\w-]+$/.test(el.getAttribute("class") ?? ""))
    el.removeAttribute("class");
}

const isBlank = (el: Element) => !el.textContent?.trim() && !el.querySelector("img,br,figure");

/**
 * Clipboard HTML (Word, web pages, our own editor) → HTML holding only what the article schema
 * keeps: Word's lists become real lists, headings move under the article title (h1 → h2), marks
 * written as styles become marks, every class/style/font/span goes, and images not in our media
 * store are dropped and counted (the CSP and the server refuse them: the user is told to upload).
 * Pure: the parser is passed in (the browser's DOMParser by default; linkedom in unit tests).
 */
export function cleanPastedHtml(html: string, opts: Options = {}): CleanedPaste {
  const parse = opts.parse ?? browserParse;
  const origin = opts.origin ?? (typeof location === "undefined" ? undefined : location.origin);
  const doc = parse(preClean(html));
  const body = doc.body;
  for (const el of Array.from(body.querySelectorAll(DROP))) el.remove();
  for (const n of allNodes(body)) if (n.nodeType === 8) (n as ChildNode).remove();

  buildWordLists(body);
  for (const el of Array.from(body.querySelectorAll("[data-list-marker]"))) el.remove();
  for (const el of Array.from(body.querySelectorAll("span[style]")))
    if (/mso-list\s*:\s*ignore/i.test(el.getAttribute("style") ?? "")) el.remove();

  const removedImages = cleanImages(body, origin);
  for (const cap of Array.from(body.querySelectorAll("caption"))) {
    cap.closest("table")?.before(rename(cap, "p"));
  }
  for (const n of allNodes(body)) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const tag = el.tagName;
    // Word's namespaced elements (o:p, w:sdt, st1:…) and presentational wrappers carry no structure
    if (tag.includes(":") || tag === "FONT") {
      unwrap(el);
      continue;
    }
    styleMarks(el);
    if (tag === "H1") stripAttributes(rename(el, "h2"));
    else if (tag === "H5" || tag === "H6") stripAttributes(rename(el, "h4"));
    else if (el.isConnected) stripAttributes(el);
  }
  for (const el of Array.from(body.querySelectorAll("span"))) unwrap(el);
  // Word spaces paragraphs with empty ones (<o:p>&nbsp;</o:p>); a table cell keeps its paragraph
  for (const p of Array.from(body.querySelectorAll("p,h2,h3,h4,div")))
    if (isBlank(p) && !p.closest("td,th")) p.remove();
  return { html: body.innerHTML.trim(), removedImages };
}
