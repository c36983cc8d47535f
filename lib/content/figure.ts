import { Node, mergeAttributes } from "@tiptap/core";
import { FIGURE_SIZES } from "./image-url";

/**
 * An image with alt text and a caption: <figure><picture><img><figcaption>. Captions are real text,
 * not title attributes. `srcset` lists the upload's WebP renditions (the upload API's answer):
 * rendered as <source type="image/webp"> in a <picture>, so the <img> keeps the original format
 * as the real fallback. `decorative` says on purpose that the picture needs no alt text (alt="").
 */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: "" },
      caption: { default: "" },
      width: { default: null },
      height: { default: null },
      srcset: { default: null },
      decorative: { default: false },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (el) => {
          const img = (el as HTMLElement).querySelector("img");
          const source = (el as HTMLElement).querySelector('source[type="image/webp"]');
          const size = (name: string) => {
            const n = Number(img?.getAttribute(name));
            return Number.isSafeInteger(n) && n > 0 ? n : null;
          };
          return {
            src: img?.getAttribute("src"),
            alt: img?.getAttribute("alt") ?? "",
            caption: (el as HTMLElement).querySelector("figcaption")?.textContent ?? "",
            width: size("width"),
            height: size("height"),
            srcset: source?.getAttribute("srcset") || null,
            // pasted HTML never says so on purpose: alt="" alone is not a decision
            decorative: false,
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption, width, height, srcset, decorative } = node.attrs as Record<string, unknown>;
    const img = [
      "img",
      mergeAttributes({
        src,
        alt: decorative === true ? "" : ((alt as string | null) ?? ""),
        width,
        height,
        loading: "lazy",
        decoding: "async",
      }),
    ];
    const picture = srcset
      ? ["picture", {}, ["source", { type: "image/webp", srcset, sizes: FIGURE_SIZES }], img]
      : img;
    // data-decorative is for the editor's styles (the sanitiser drops it from public pages)
    const attrs = decorative === true ? { "data-decorative": "" } : {};
    return caption ? ["figure", attrs, picture, ["figcaption", {}, caption]] : ["figure", attrs, picture];
  },
});
