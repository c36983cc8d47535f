import { readIocItems } from "./block";
import { type IocItem, MAX_IOC_ITEMS } from "./types";

const MAX_EXPORTED = 10 * MAX_IOC_ITEMS;

/**
 * Every indicator of a stored tiptap document, in reading order, each (type, value) once (the
 * first row wins: its context and verdict). Walks by an explicit stack like everything that
 * reads a document; IOC blocks sit at the top level or in containers, never in text.
 */
export function collectIocItems(doc: unknown): IocItem[] {
  const out: IocItem[] = [];
  const seen = new Set<string>();
  const stack: unknown[] = [doc];
  while (stack.length && out.length < MAX_EXPORTED) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    const { type, attrs, content } = node as {
      type?: unknown;
      attrs?: { items?: unknown };
      content?: unknown;
    };
    if (type === "iocBlock")
      for (const item of readIocItems(attrs?.items)) {
        const key = `${item.type}\u0000${item.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(item);
      }
    if (Array.isArray(content)) for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
  }
  return out.slice(0, MAX_EXPORTED);
}
