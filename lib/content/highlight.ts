import { common, createLowlight } from "lowlight";
import { escapeHtmlText as escapeHtml } from "@/lib/escape/html";

// highlight.js grammars for the languages security articles use; rendered at write time,
// so readers download no highlighter.
const lowlight = createLowlight(common);

type HastNode =
  | { type: "text"; value: string }
  | { type: "element"; tagName: string; properties?: { className?: string[] }; children: HastNode[] }
  | { type: "root"; children: HastNode[] };

// the app's one HTML-text escaper (lib/escape/html), re-exported for render.ts
export { escapeHtml };

function toHtml(node: HastNode): string {
  if (node.type === "text") return escapeHtml(node.value);
  const inner = node.children.map(toHtml).join("");
  if (node.type === "root") return inner;
  const cls = node.properties?.className?.filter((c) => /^hljs-[\w-]+$/.test(c)).join(" ");
  return cls ? `<span class="${cls}">${inner}</span>` : inner;
}

/** Highlighted HTML for a code block; unknown languages fall back to escaped plain text. */
export function highlightCode(code: string, language: string | null | undefined): string {
  const lang = language?.toLowerCase();
  if (lang && lowlight.registered(lang)) {
    return toHtml(lowlight.highlight(lang, code) as unknown as HastNode);
  }
  return escapeHtml(code);
}
