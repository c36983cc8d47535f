import { z } from "zod";
import { codePointLength, isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/validation";

/** Comment.body is varchar(2000): PostgreSQL counts code points, and so does this limit. */
const COMMENT_MAX_CHARS = 2000;
export const COMMENT_TOO_LONG_MESSAGE = `评论不能超过 ${COMMENT_MAX_CHARS} 字，请删减后再发表。`;

/**
 * A comment's text: trimmed, 2-2000 characters, with NUL, other control characters and lone
 * surrogates refused (lib/validation's safeText, with messages that speak of a comment). Stored
 * exactly as written otherwise: HTML, URLs and bidi characters are text, rendered inert.
 */
export const commentBodySchema = z
  .string({ error: "请填写评论内容。" })
  .refine(isSafeText, UNSAFE_TEXT_MESSAGE)
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .refine((s) => s.length > 0, "请填写评论内容。")
      .refine((s) => s.length === 0 || codePointLength(s) >= 2, "评论至少需要 2 个字。")
      .refine((s) => codePointLength(s) <= COMMENT_MAX_CHARS, COMMENT_TOO_LONG_MESSAGE),
  );
