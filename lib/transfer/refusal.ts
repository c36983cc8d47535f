import type { z } from "zod";

/** Why an archive is refused, in zh-CN, naming the entry (and line) at fault. Nothing was written. */
export class ArchiveRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveRefusal";
  }
}

export const refuse = (entry: string | null, what: string): never => {
  throw new ArchiveRefusal(entry ? `归档条目「${entry}」：${what}` : what);
};

const valueAt = (value: unknown, path: PropertyKey[]) =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    value,
  );

/** The first zod issue, said in zh-CN: which field, what is wrong (`value` is what was parsed). */
export function describeIssue(error: z.ZodError, value: unknown): string {
  const issue = error.issues[0]!;
  const got = valueAt(value, issue.path);
  const field = issue.path.length ? `字段 ${issue.path.join(".")}：` : "";
  switch (issue.code) {
    case "unrecognized_keys":
      return `${field}含有未知字段 ${issue.keys.join("、")}`;
    case "invalid_type":
      return `${field}类型不对（应为 ${issue.expected}${Array.isArray(got) ? "，不接受数组" : got !== null && typeof got === "object" ? "，不接受对象" : ""}）`;
    case "invalid_value":
      return `${field}取值不在允许范围内`;
    default:
      return `${field}${issue.message}`;
  }
}
