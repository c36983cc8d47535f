import { z } from "zod";

/**
 * Shared zod building blocks for user input. Every free-text field goes through `safeText` (and
 * every string in an article body through `isSafeText`), so NUL, the other C0 control characters
 * and lone UTF-16 surrogates are refused at the edge with a clear message: PostgreSQL rejects NUL
 * in text and jsonb (a 500 deep in the stack), a lone surrogate cannot be encoded as UTF-8
 * (silently mangled to U+FFFD, or refused by jsonb), and control characters are invisible text
 * that no editor produces. Tab, line feed and carriage return stay (forms send CRLF).
 */

export const UNSAFE_TEXT_MESSAGE = "内容包含无法识别的字符（如空字符或不完整的表情符号），请删除后重试。";
const REQUIRED_MESSAGE = "请填写此项。";

// C0 controls except \t (09), \n (0A) and \r (0D); NUL included
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** True when the string has no NUL or other C0 control character and no unpaired surrogate. */
export function isSafeText(value: string): boolean {
  return !CONTROL_CHARS.test(value) && value.isWellFormed();
}

/** Length in Unicode code points, which is what PostgreSQL's varchar(n) counts. */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

type SafeTextOptions = { min?: number; trim?: boolean };

/**
 * A string of at most `max` characters (code points), trimmed by default, with NUL and lone
 * surrogates refused. `min: 1` makes it required. Passwords pass `trim: false`.
 */
export function safeText(max: number, { min = 0, trim = true }: SafeTextOptions = {}) {
  return z
    .string({ error: REQUIRED_MESSAGE })
    .refine(isSafeText, UNSAFE_TEXT_MESSAGE)
    .transform((s) => (trim ? s.trim() : s))
    .pipe(
      z
        .string()
        .refine((s) => min === 0 || s.length > 0, REQUIRED_MESSAGE)
        .refine((s) => s.length === 0 || codePointLength(s) >= min, `至少需要 ${min} 个字符。`)
        .refine((s) => codePointLength(s) <= max, `最多 ${max} 个字符。`),
    );
}

/** An email address, trimmed and lower-cased for storage (the unique index relies on it). */
export const emailSchema = safeText(254, { min: 1 }).pipe(
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.email({ error: "请输入有效的邮箱地址，例如 name@example.com。" })),
);

/** Password for a new account: 10–128 characters, never trimmed (spaces are part of it). */
export const newPasswordSchema = safeText(128, { min: 10, trim: false });

/** Password at sign-in: only presence is checked; the hash comparison decides the rest. */
export const loginPasswordSchema = z
  .string({ error: "请输入密码。" })
  .min(1, "请输入密码。")
  .max(1024, "邮箱或密码错误");
