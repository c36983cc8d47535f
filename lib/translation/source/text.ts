/** Plain text out of source DOM nodes: whitespace collapsed, characters the database refuses removed. */

// C0 controls except tab, line feed and carriage return (lib/validation.ts refuses them in bodies)
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Removes control characters and lone surrogates, which PostgreSQL and the body schema refuse. */
export const cleanText = (s: string) => s.replace(CONTROL_CHARS, "").toWellFormed();

/** One line: every run of whitespace (non-breaking spaces and line breaks included) becomes one space. */
export const collapse = (s: string) =>
  cleanText(s)
    .replace(/[\s\u200B\uFEFF]+/g, " ")
    .trim();

export type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
};

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;
export const tagOf = (n: DomNode) => (n.nodeType === ELEMENT_NODE ? n.nodeName.toLowerCase() : "");

/** Children onto a stack so they pop in document order. linkedom builds childNodes on every access: read once. */
export function pushReversed(stack: DomNode[], n: DomNode) {
  const kids = Array.from(n.childNodes);
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
}

const BLOCK_TAGS = new Set(
  "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split(
    " ",
  ),
);
const SKIPPED_TAGS = new Set(["script", "style", "noscript", "template", "svg", "math"]);
const SPACE = { nodeType: 0 } as DomNode; // closes a block: "<p>a</p>b" is "a b", not "ab"

/**
 * The text of a node, skipping the subtrees `skip` names, with a space for <br> and around block
 * elements. Iterative: a hostile page nests deeply.
 */
export function textOf(root: DomNode, skip: (n: DomNode) => boolean = () => false): string {
  const parts: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === SPACE) parts.push(" ");
    else if (n.nodeType === TEXT_NODE) parts.push(n.textContent ?? "");
    else if (n.nodeType === ELEMENT_NODE && (n === root || !skip(n))) {
      const tag = tagOf(n);
      if (tag === "br") parts.push(" ");
      if (SKIPPED_TAGS.has(tag)) continue;
      if (BLOCK_TAGS.has(tag)) {
        parts.push(" ");
        stack.push(SPACE);
      }
      pushReversed(stack, n);
    }
  }
  return collapse(parts.join(""));
}

/** Code keeps its line breaks and indentation; only trailing blank lines go. */
export const codeText = (root: DomNode) =>
  cleanText(root.textContent ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/\s+$/, "")
    .replace(/^\n+/, "");
