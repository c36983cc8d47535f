import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** longer than any value a Content API parameter accepts; stops a megabyte before zod sees it */
const MAX_VALUE_CHARS = 300;
// C0 controls (NUL first among them) and DEL: never part of a slug, id, date or search word
const CONTROL = /[\u0000-\u001f\u007f]/;
// a parameter name we may repeat back to the caller: nothing that could read as markup
const SHOWABLE_NAME = /^[A-Za-z0-9_.$[\]-]{1,40}$/;

const invalid = (message: string, field = "_") =>
  new AppError("INVALID", message, { fieldErrors: { [field]: [message] } });

const nameOf = (key: string) => (SHOWABLE_NAME.test(key) ? key : "（无法显示的参数名）");

/**
 * A query string → the route's strict schema output, or a 400 `INVALID` with a zh-CN message that
 * says which parameter and what it should be. Refused before any database work: a repeated name
 * (`?tag=a&tag=b`, which frameworks turn into an array), names the route does not know
 * (`category[$ne]=x`, `where=…`), control characters (NUL) anywhere, and overlong values.
 */
export function parseQuery<S extends z.ZodObject>(url: URL, schema: S): z.output<S> {
  // prototype-free: "__proto__" and friends are plain (unknown) names, never inherited or swallowed
  const raw = Object.create(null) as Record<string, string>;
  for (const [key, value] of url.searchParams) {
    if (CONTROL.test(key) || CONTROL.test(value))
      throw invalid("查询参数中含有控制字符（如 NUL），请去掉后重试。");
    if (Object.hasOwn(raw, key)) throw invalid(`参数 ${nameOf(key)} 只能出现一次。`, nameOf(key));
    if (value.length > MAX_VALUE_CHARS)
      throw invalid(`参数 ${nameOf(key)} 过长（最多 ${MAX_VALUE_CHARS} 个字符）。`, nameOf(key));
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw, { error: () => "值无效" });
  if (parsed.success) return parsed.data;

  // an unknown name says more than the missing one it may have been meant as
  const issues = parsed.error.issues;
  const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const names = issue.keys.map(nameOf).join("、");
    const allowed = Object.keys(schema.shape);
    throw invalid(
      allowed.length
        ? `不支持的参数：${names}。这个接口只接受：${allowed.join("、")}。`
        : `不支持的参数：${names}。这个接口不接受查询参数。`,
    );
  }
  const field = String(issue.path[0] ?? "_");
  if (!Object.hasOwn(raw, field)) throw invalid(`缺少参数 ${nameOf(field)}。`, nameOf(field));
  throw invalid(`参数 ${nameOf(field)} 无效：${issue.message}。`, nameOf(field));
}
