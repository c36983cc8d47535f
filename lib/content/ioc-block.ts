import { Node } from "@tiptap/core";
import { readIocItems } from "@/lib/ioc/block";
import { iocBlockText } from "@/lib/ioc/render-html";

/**
 * A block of indicators of compromise (issue 16): one attribute, `items`, a list of
 * {type, value, context, malicious} rows (lib/ioc). An atom: the editor edits it in a React node
 * view (components/editor/ioc-block-view.tsx), the server renders it in render.ts
 * (lib/ioc/render-html.ts) and attr-rules.ts validates every row on save. The HTML written
 * here is only for copy and paste inside the editor: the rows travel as JSON in a data attribute
 * and are validated again when the document is saved.
 */
export const IocBlock = Node.create({
  name: "iocBlock",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { items: { default: [] } };
  },
  parseHTML() {
    return [
      {
        tag: "div[data-ioc-items]",
        getAttrs: (el) => {
          try {
            return {
              items: readIocItems(JSON.parse((el as HTMLElement).getAttribute("data-ioc-items") ?? "[]")),
            };
          } catch {
            return false;
          }
        },
      },
    ];
  },
  renderHTML({ node }) {
    const items = readIocItems(node.attrs.items);
    return ["div", { "data-ioc-items": JSON.stringify(items) }, ["pre", {}, iocBlockText(items)]];
  },
});
