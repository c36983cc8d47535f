import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import type { Role } from "@/lib/generated/prisma/enums";
import { codePointLength, isSafeText } from "@/lib/validation";

/**
 * The one password policy, used by registration, password change and reset (ASVS 2.1): length
 * only (10 for readers, 12 for staff, at most 128), no composition rules, never trimmed or
 * case-folded, and a guessability check: common and breached passwords (zxcvbn's common
 * dictionaries), keyboard walks and repeats, the site's name and the user's own email are refused.
 */

const MAX_PASSWORD_LENGTH = 128;
const STAFF: ReadonlySet<Role> = new Set<Role>(["TRANSLATOR", "EDITOR", "ADMIN"]);
/** zxcvbn score 3 = "safely unguessable: moderate protection from offline slow-hash scenario" */
const MIN_SCORE = 3;

export const minPasswordLength = (role: Role) => (STAFF.has(role) ? 12 : 10);

export type PasswordContext = {
  role: Role;
  email: string;
  /** site.name setting, e.g. "署名 Byline" */ siteName?: string | null;
};

let zxcvbn: ZxcvbnFactory | undefined;
const checker = () =>
  (zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

const WARNINGS: Record<string, string> = {
  topTen: "这是最常见的密码之一。",
  topHundred: "这是非常常见的密码。",
  common: "这是常见密码，已出现在泄露密码列表中。",
  similarToCommon: "这与常见密码非常相似。",
  pwned: "这个密码已出现在泄露的密码库中。",
  straightRow: "同一排键盘按键连在一起很容易被猜到。",
  keyPattern: "键盘上的简单图案很容易被猜到。",
  simpleRepeat: "重复的字符（如“aaa”）很容易被猜到。",
  extendedRepeat: "重复的字符组合（如“abcabc”）很容易被猜到。",
  sequences: "顺序字符（如“abc”“123”）很容易被猜到。",
  recentYears: "最近的年份很容易被猜到。",
  dates: "日期很容易被猜到。",
  wordByItself: "单个常见单词很容易被猜到。",
  namesByThemselves: "单独的人名很容易被猜到。",
  commonNames: "常见的人名很容易被猜到。",
  userInputs: "密码不应包含你的个人信息或本站信息。",
};
const ADVICE = "建议用一句只有你知道、由几个不相关的词组成的话（可以带空格）。";

/** Words a password must not contain (case-insensitive), at least 3 characters long. */
function forbiddenParts({ email, siteName }: PasswordContext): { word: string; message: string }[] {
  const out = [{ word: "byline", message: "密码不能包含站点名称。" }];
  for (const part of (siteName ?? "").split(/\s+/)) {
    if (codePointLength(part) >= 2) out.push({ word: part.toLowerCase(), message: "密码不能包含站点名称。" });
  }
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3) out.push({ word: local, message: "密码不能包含你的邮箱地址或邮箱用户名。" });
  return out;
}

/** zh-CN problems with a new password; empty when it is acceptable. */
export function passwordProblems(password: string, ctx: PasswordContext): string[] {
  if (!isSafeText(password)) return ["密码包含无法识别的字符（如空字符或不完整的表情符号），请删除后重试。"];
  const length = codePointLength(password);
  const min = minPasswordLength(ctx.role);
  if (length < min) return [`密码至少需要 ${min} 个字符${STAFF.has(ctx.role) ? "（编辑部成员账号）" : ""}。`];
  if (length > MAX_PASSWORD_LENGTH) return [`密码最多 ${MAX_PASSWORD_LENGTH} 个字符。`];

  const lower = password.toLowerCase();
  const hit = forbiddenParts(ctx).find((p) => lower.includes(p.word));
  if (hit) return [hit.message];

  const result = checker().check(
    password,
    [ctx.email, ctx.email.split("@")[0] ?? "", "byline", ctx.siteName ?? ""].filter(Boolean),
  );
  if (result.score >= MIN_SCORE) return [];
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return [`${warning ?? "这个密码太容易被猜到。"}${ADVICE}`];
}
