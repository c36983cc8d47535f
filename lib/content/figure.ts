import { Node, mergeAttributes } from "@tiptap/core";

/** An image with alt text and a caption: <figure><img><figcaption>. Captions are real text, not title attributes. */
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
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (el) => {
          const img = (el as HTMLElement).querySelector("img");
          return {
            src: img?.getAttribute("src"),
            alt: img?.getAttribute("alt") ?? "",
            caption: (el as HTMLElement).querySelector("figcaption")?.textContent ?? "",
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption, width, height } = node.attrs as Record<string, string | null>;
    const img = [
      "img",
      mergeAttributes({ src, alt: alt ?? "", loading: "lazy", decoding: "async", width, height }),
    ];
    return caption ? ["figure", {}, img, ["figcaption", {}, caption]] : ["figure", {}, img];
  },
});
