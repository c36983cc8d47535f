import { AppError } from "@/lib/errors";
import type { BlockRule, WindowRule } from "./rate-limit";

/**
 * The brute-force figures (issue 4, OWASP ASVS level 2). Keys never hold an email in clear:
 * accounts are keyed by a hash of the normalised address, known or not, so the counters answer
 * the same for accounts that do not exist.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const LIMITS = {
  /** per account and IP: the 5th failure blocks 10 min, each further block doubles, up to 24 h */
  loginAccountIp: {
    limit: 5,
    windowMs: 24 * HOUR,
    baseBlockMs: 10 * MINUTE,
    maxBlockMs: 24 * HOUR,
  } satisfies BlockRule,
  /** per account from any IP: past 20 failures an hour, login needs a captcha */
  loginAccountCaptcha: { limit: 20, windowMs: HOUR } satisfies WindowRule,
  /** per IP: distinct accounts tried in 12 hours */
  ipDistinctAccounts: { limit: 30, windowMs: 12 * HOUR } satisfies WindowRule,
  /** per IP: login, registration and password-reset requests together */
  ipAuthRequests: { limit: 100, windowMs: HOUR } satisfies WindowRule,
  registerIp: { limit: 5, windowMs: HOUR } satisfies WindowRule,
  resetAccount: { limit: 5, windowMs: HOUR } satisfies WindowRule,
  resetIp: { limit: 20, windowMs: HOUR } satisfies WindowRule,
} as const;

/**
 * Comment floods (issue 13), each a fixed window in the shared limiter, checked shortest first so
 * an attempt refused by the 15-second rule does not use up the reader's 10-minute or daily allowance.
 */
export const COMMENT_LIMITS = {
  account: [
    { name: "15s", limit: 1, windowMs: 15_000, what: "发评论太快了" },
    { name: "10min", limit: 10, windowMs: 10 * MINUTE, what: "10 分钟内最多发 10 条评论" },
    { name: "day", limit: 50, windowMs: 24 * HOUR, what: "每天最多发 50 条评论" },
  ],
  /** every account behind one address together (a NAT'ed office stays well under it) */
  ip: { name: "ip", limit: 100, windowMs: HOUR, what: "你所在的网络发出的评论太多了" },
  /** reports per account */
  report: { name: "report", limit: 20, windowMs: HOUR, what: "举报太频繁了" },
} as const satisfies Record<string, CommentRule | readonly CommentRule[]>;

type CommentRule = WindowRule & { name: string; what: string };

/** "10 分钟", "1 小时 20 分钟", "45 秒": how long to wait, rounded up. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} 秒`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

export function rateLimitedError(retryAfterSeconds: number, what = "尝试次数过多"): AppError {
  return new AppError("RATE_LIMITED", `${what}，请在 ${waitText(retryAfterSeconds)}后再试。`, {
    retryAfterSeconds,
  });
}
