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

/**
 * Every body image has alt text, or is marked decorative on purpose (a screen reader reads the
 * one and skips the other). A save-time rule, not a limit: stored articles from before it still
 * render. The message names the image by its place (and caption) so the author can find it.
 */
export function missingAltProblem(doc: JSONContent): string | null {
  let n = 0;
  const stack: JSONContent[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "figure") {
      n++;
      const { alt, decorative, caption } = (node.attrs ?? {}) as Record<string, unknown>;
      if (decorative !== true && !(typeof alt === "string" && alt.trim())) {
        const named =
          typeof caption === "string" && caption.trim() ? `（图注“${caption.trim().slice(0, 20)}”）` : "";
        return `正文第 ${n} 张图片${named}缺少替代文本：请在图片设置中描述图片内容，纯装饰的图片请勾选“装饰性图片”。`;
      }
    }
    // children pushed in reverse, so figures are counted in reading order
    for (let i = (node.content?.length ?? 0) - 1; i >= 0; i--) stack.push(node.content![i]!);
  }
  return null;
}

export const bodySchema = z.unknown().transform((value, ctx) => {
  const r = normalizeTiptapDoc(value);
  const error = "error" in r ? r.error : missingAltProblem(r.doc);
  if (error) {
    ctx.addIssue({ code: "custom", message: error });
    return z.NEVER;
  }
  return (r as { doc: JSONContent }).doc;
});

const COVER_ALT_MESSAGE = "请填写封面图的替代文本（描述图片内容），或移除封面图。";

/** Covers: alt text whenever there is a cover (the field rule for create and update schemas). */
export const coverAltProblem = (v: { coverUrl?: string | null; coverAlt?: string | null }) =>
  v.coverUrl && !v.coverAlt?.trim() ? COVER_ALT_MESSAGE : null;
