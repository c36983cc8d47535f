import { z } from "zod";
import { codePointLength, isSafeText, safeText, UNSAFE_TEXT_MESSAGE } from "@/lib/validation";

export const GLOSSARY_PAGE_SIZE = 50;
const MAX_VARIANTS = 20;

export const termIdSchema = z.coerce
  .number({ error: "术语编号无效。" })
  .int("术语编号无效。")
  .positive("术语编号无效。")
  .max(2_147_483_647, "术语编号无效。");

/** A checkbox posts "on" when ticked and nothing otherwise; JSON callers send a boolean. */
const checkboxSchema = z
  .union([z.boolean(), z.enum(["on", "true", "false", "1", "0", ""])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** Variants come one per line (or comma-separated) from the form's textarea, or as an array. */
const variantsSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(/[\n,，；;]/)))
  .pipe(
    z
      .array(z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE))
      .transform((list) => [...new Set(list.map((s) => s.trim().replace(/\s+/g, " ")).filter(Boolean))])
      .refine((list) => list.length <= MAX_VARIANTS, `变体最多 ${MAX_VARIANTS} 个。`)
      .refine((list) => list.every((s) => codePointLength(s) <= 200), "每个变体最多 200 个字符。"),
  );

/**
 * 英文术语 / 译法 / 变体 / 备注 / 不译. Every entry needs a translation except a "do not
 * translate" one, which keeps its name as written (termData stores its translation empty).
 */
export const termFieldsSchema = z
  .strictObject({
    source: safeText(200, { min: 1 }),
    target: safeText(200).optional().default(""),
    variants: variantsSchema,
    doNotTranslate: checkboxSchema,
    note: safeText(500).optional().default(""),
  })
  .superRefine((t, ctx) => {
    if (!t.doNotTranslate && !t.target) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "请填写译法，或勾选“不译”。" });
    }
  });

export type TermFields = z.output<typeof termFieldsSchema>;
