import sanitizeHtml from "sanitize-html";
import { isOwnImageUrl } from "./image-url";

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
  ],
  allowedAttributes: {
    a: ["href", "rel", "title"],
    img: ["src", "alt", "width", "height", "loading", "decoding"],
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
    code: ["class"],
    span: ["class"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/], span: [/^hljs-[\w-]+$/] },
  allowedSchemes: ["http", "https", "mailto"],
  // images load from our own /media/ only (the CSP's img-src): no scheme at all, see transformTags
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    // every outbound link is nofollow and cannot reach window.opener
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src !== undefined && isOwnImageUrl(src) ? { src, ...rest } : rest };
    },
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options);
}
