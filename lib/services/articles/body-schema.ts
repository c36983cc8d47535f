import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { measureDoc } from "@/lib/content/measure";
import { articleSchema } from "@/lib/content/schema";

export { MAX_BODY_BYTES } from "@/lib/content/limits";

/**
 * Parses a tiptap document against the article schema and returns its normalised JSON: unknown
 * node or mark types, invalid nesting and stray attributes are refused or dropped here, so the
 * stored JSON is always something the editor and renderer understand. The document is measured
 * first (lib/content/measure.ts: size, nesting, nodes, text, tables, every attribute, by explicit
 * stacks), because nodeFromJSON recurses; and once more after, since parsing fills in defaults
 * (a heading sent without a level is a level-1 heading, which articles do not have).
 */
export function normalizeTiptapDoc(value: unknown): { doc: JSONContent } | { error: string } {
  const before = measureDoc(value);
  if (!before.ok) return { error: before.error };
  let doc: JSONContent;
  try {
    const node = articleSchema().nodeFromJSON(value);
    node.check();
    doc = node.toJSON() as JSONContent;
  } catch {
    return { error: "正文包含编辑器不支持的内容，请删除后重试。" };
  }
  const after = measureDoc(doc);
  return after.ok ? { doc } : { error: after.error };
}

export const bodySchema = z.unknown().transform((value, ctx) => {
  const r = normalizeTiptapDoc(value);
  if ("error" in r) {
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  }
  return r.doc;
});
