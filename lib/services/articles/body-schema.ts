import { getSchema, type JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { z } from "zod";
import { articleExtensions } from "@/lib/content/extensions";

/** A stored body is at most this many bytes of JSON: far beyond any real article, small enough to render fast. */
export const MAX_BODY_BYTES = 500_000;
/** Lists in quotes in tables: real documents stay under ~10 levels; the cap keeps recursion shallow. */
const MAX_DEPTH = 48;

let schema: Schema | undefined;
// the ProseMirror schema of the shared extension list: exactly what the editor can produce
const articleSchema = () => (schema ??= getSchema(articleExtensions));

function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_DEPTH) return d;
    const content = (node as { content?: unknown }).content;
    if (Array.isArray(content)) for (const c of content) stack.push([c, d + 1]);
  }
  return max;
}

/**
 * Parses a tiptap document against the article schema and returns its normalised JSON: unknown
 * node or mark types, invalid nesting and stray attributes are refused or dropped here, so the
 * stored JSON is always something the editor and renderer understand.
 */
export function normalizeTiptapDoc(value: unknown): { doc: JSONContent } | { error: string } {
  if (typeof value !== "object" || value === null || (value as { type?: unknown }).type !== "doc") {
    return { error: "正文格式无效，请刷新编辑器后重试。" };
  }
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(value), "utf8");
  } catch {
    return { error: "正文格式无效，请刷新编辑器后重试。" };
  }
  if (size > MAX_BODY_BYTES) return { error: "正文过长（上限约 500 KB），请精简内容或拆分为多篇文章。" };
  if (depthOf(value) > MAX_DEPTH) return { error: "正文嵌套层级过深，请减少列表或引用的嵌套。" };
  try {
    const node = articleSchema().nodeFromJSON(value);
    node.check();
    return { doc: node.toJSON() as JSONContent };
  } catch {
    return { error: "正文包含编辑器不支持的内容，请删除后重试。" };
  }
}

export const bodySchema = z.unknown().transform((value, ctx) => {
  const r = normalizeTiptapDoc(value);
  if ("error" in r) {
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  }
  return r.doc;
});
