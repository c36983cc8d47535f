import sanitizeHtml from "sanitize-html";
import { FIGURE_SIZES, isOwnImageUrl, isOwnSrcset } from "./image-url";

/**
 * The allowlist for article HTML. Rendering from tiptap JSON already limits the tags; this is
 * the second wall, so a crafted JSON document (attrs are free-form) cannot smuggle script,
 * event handlers or javascript: URLs into a page.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "hr",
    "figure",
    "picture",
    "source",
    "img",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "colgroup",
    "col",
    "span",
    // an IOC block (lib/ioc/render-html.ts): <div class="ioc-block"> and a 复制 button per row
    "div",
    "button",
  ],
  allowedAttributes: {
    a: ["href", "rel", "title"],
    img: ["src", "alt", "width", "height", "loading", "decoding"],
    // values checked in transformTags: WebP renditions from /media/ only, our one sizes
    source: ["type", "srcset", "sizes"],
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
    code: ["class"],
    span: ["class"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
    div: ["class"],
    // the value to copy, read by the article page's click handler; never a URL the browser follows
    button: ["type", "data-ioc-copy"],
  },
  // <source> is a void element: written as <source />, never <source></source>
  selfClosing: [...sanitizeHtml.defaults.selfClosing, "source"],
  allowedClasses: { code: [/^language-[\w-]+$/], span: [/^hljs-[\w-]+$/], div: ["ioc-block"] },
  allowedSchemes: ["http", "https", "mailto"],
  // images load from our own /media/ only (the CSP's img-src): no scheme at all, see transformTags
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    // every outbound link is nofollow and cannot reach window.opener
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    // a <source> keeps its srcset only when every candidate is one of our WebP renditions
    source: (tagName, attribs) => {
      const ok = attribs.type === "image/webp" && isOwnSrcset(attribs.srcset ?? "");
      const kept: Record<string, string> = ok
        ? { type: "image/webp", srcset: attribs.srcset!, sizes: FIGURE_SIZES }
        : {};
      return { tagName, attribs: kept };
    },
    // a button only ever copies: type="button" (never submit), the value and nothing else
    button: (tagName, attribs) => ({
      tagName,
      attribs: {
        type: "button",
        ...(attribs["data-ioc-copy"] !== undefined ? { "data-ioc-copy": attribs["data-ioc-copy"] } : {}),
      },
    }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src !== undefined && isOwnImageUrl(src) ? { src, ...rest } : rest };
    },
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options);
}
