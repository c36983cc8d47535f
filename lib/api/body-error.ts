import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

// a field name we may repeat back to the caller: nothing that could read as markup
const SHOWABLE = /^[A-Za-z0-9_.$[\]-]{1,60}$/;
const show = (name: string) => (SHOWABLE.test(name) ? name : "（无法显示的字段名）");

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  object: "JSON 对象",
  array: "数组",
  date: "日期",
};

/** zh-CN for the checks a schema leaves to zod's English defaults (wrong types, mostly). */
function zhDefault(iss: { code?: string; expected?: string }): string {
  if (iss.code !== "invalid_type") return "值无效";
  const name = TYPE_NAMES[iss.expected ?? ""] ?? String(iss.expected);
  return /^[A-Za-z]/.test(name) ? `须为 ${name}` : `须为${name}`;
}

/**
 * A JSON body → the schema's output, or a 400 `INVALID` whose message names the first problem in
 * zh-CN (`字段 title：须为文本`, `不支持的字段：authorId、status`), with every problem in
 * fieldErrors. For API callers, who read `error.message`, not a form's field hints.
 */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value, { error: zhDefault });
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fieldErrors[show(key)] ??= []).push(
      issue.code === "unrecognized_keys" ? `不支持的字段：${issue.keys.map(show).join("、")}` : issue.message,
    );
  }
  const issues = parsed.error.issues;
  const first = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0]!;
  const path = first.path.map(String).join(".");
  const message =
    first.code === "unrecognized_keys"
      ? `不支持的字段：${first.keys.map(show).join("、")}。`
      : path
        ? `字段 ${show(path)}：${first.message.replace(/。$/, "")}。`
        : `请求内容${first.message.replace(/。$/, "")}。`;
  throw new AppError("INVALID", message, { fieldErrors });
}
