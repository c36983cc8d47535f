import { z } from "zod";
import { articleIdSchema, versionSchema } from "@/lib/services/articles/schemas";

/** A pasted source may be a whole saved page; the segment limits (lib/translation/source/limits.ts) come after. */
const MAX_PASTED_CHARS = 2_000_000;
const pasted = z.string().max(MAX_PASTED_CHARS, "粘贴的原文过长，请只粘贴需要翻译的部分。").optional();

/**
 * 从链接抓取原文 (url) or 粘贴原文 (pasted text or HTML), for one article at the version the
 * translator sees. `replace` confirms that existing translations may be overwritten.
 */
export const ingestSourceSchema = z
  .strictObject({
    articleId: articleIdSchema,
    version: versionSchema,
    url: z.string().trim().min(1, "请填写原文链接。").max(2048, "链接过长（最多 2048 个字符）。").optional(),
    pasted: z.strictObject({ text: pasted, html: pasted }).optional(),
    replace: z.boolean().optional(),
  })
  .refine((v) => (v.url === undefined) !== (v.pasted === undefined), {
    message: "请提供原文链接，或粘贴原文，二者选一。",
    path: ["url"],
  })
  .refine((v) => !v.pasted || !!(v.pasted.text?.trim() || v.pasted.html?.trim()), {
    message: "请粘贴原文（纯文本或网页内容）。",
    path: ["pasted"],
  });
