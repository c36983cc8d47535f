import { parseDocument } from "htmlparser2";

/**
 * For tests: how a browser-grade HTML parser reads a fragment. `elementsOf` lists the element
 * names in document order (an empty list means the fragment is text only); `textOf` is the decoded
 * text, what a reader sees.
 */
type ChildNode = ReturnType<typeof parseDocument>["children"][number];

function walk(nodes: ChildNode[], visit: (n: ChildNode) => void) {
  for (const n of nodes) {
    visit(n);
    if ("children" in n) walk(n.children, visit);
  }
}

export function elementsOf(html: string): string[] {
  const out: string[] = [];
  walk(parseDocument(html).children, (n) => {
    if (n.type === "tag" || n.type === "script" || n.type === "style") out.push(n.name);
  });
  return out;
}

/** Names of attributes that run script or load something: on*, and href/src with a script scheme. */
export function dangerousAttributesOf(html: string): string[] {
  const out: string[] = [];
  walk(parseDocument(html).children, (n) => {
    if (!("attribs" in n)) return;
    for (const [k, v] of Object.entries(n.attribs)) {
      if (
        /^on/i.test(k) ||
        (/^(href|src|action|formaction|xlink:href)$/i.test(k) && /^\s*(javascript|vbscript|data):/i.test(v))
      )
        out.push(`${n.name}[${k}]`);
    }
  });
  return out;
}

export function textOf(html: string): string {
  let out = "";
  walk(parseDocument(html).children, (n) => {
    if (n.type === "text") out += n.data;
  });
  return out;
}
