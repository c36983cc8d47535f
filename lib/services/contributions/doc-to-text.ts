import type { JSONContent } from "@tiptap/core";

function textOf(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(textOf).join("");
}

const BLOCK_CONTAINERS = new Set(["doc", "bulletList", "orderedList", "listItem", "blockquote"]);

function blocks(node: JSONContent): string[] {
  if (BLOCK_CONTAINERS.has(node.type ?? "")) return (node.content ?? []).flatMap(blocks);
  const text = textOf(node).trim();
  return text ? [text] : [];
}

/** The plain text a contribution form edits: one paragraph per block, blank lines between (textToDoc's inverse). */
export function docToText(doc: JSONContent): string {
  return blocks(doc).join("\n\n");
}
