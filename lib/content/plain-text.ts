import type { JSONContent } from "@tiptap/core";
import { readIocItems } from "@/lib/ioc/block";
import { iocBlockText } from "@/lib/ioc/render-html";

// a block's text ends in a line break; inline content and containers just concatenate
const BLOCKS = new Set([
  "paragraph",
  "heading",
  "blockquote",
  "codeBlock",
  "listItem",
  "tableRow",
  "figure",
  "iocBlock",
]);

/**
 * The plain text of a document for search and excerpts: one line per block, a figure's caption
 * as its text, an IOC block's rows one a line with malicious network values defanged (feeds
 * take their descriptions from here: no reader turns them into links). An explicit stack instead of recursion, like everything that walks a document.
 */
export function plainText(doc: JSONContent): string {
  const out: string[] = [];
  // a top-level block collects its text from `starts` on; its "close" step ends it with a line break
  type Step = { node: JSONContent; inBlock: boolean } | { close: true };
  const stack: Step[] = [{ node: doc, inBlock: false }];
  const starts: number[] = [];
  while (stack.length) {
    const step = stack.pop()!;
    if ("close" in step) {
      const text = out.splice(starts.pop()!).join("").trim();
      out.push(text + "\n");
      continue;
    }
    const { node, inBlock } = step;
    if (node.type === "text") {
      out.push(node.text ?? "");
      continue;
    }
    const isBlock = BLOCKS.has(node.type ?? "");
    // inside a block (a paragraph in a list item) text runs on, as in the block's own text
    if (isBlock && !inBlock) {
      starts.push(out.length);
      stack.push({ close: true });
    }
    if (node.type === "figure") out.push(String(node.attrs?.caption ?? ""));
    if (node.type === "iocBlock") out.push(iocBlockText(readIocItems(node.attrs?.items)));
    const children = node.content ?? [];
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, inBlock: inBlock || isBlock });
  }
  return out
    .join("")
    .replace(/\n{2,}/g, "\n")
    .trim();
}
