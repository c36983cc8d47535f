import sanitizeHtml from "sanitize-html";

/**
 * The allowlist for article HTML. Rendering from tiptap JSON already limits the tags; this is
 * the second wall, so a crafted JSON document (attrs are free-form) cannot smuggle script,
 * event handlers or javascript: URLs into a page.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "h2", "h3", "h4", "strong", "em", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
    "figure", "img", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col", "span",
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
  allowedSchemesByTag: { img: ["https", "http"] },
  allowProtocolRelative: false,
  transformTags: {
    // every outbound link is nofollow and cannot reach window.opener
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options);
}

/** Plain text only (comments, bios): every tag removed, entities kept escaped. */
export function stripAllHtml(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
}
