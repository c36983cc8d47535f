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
  /** per reader: comments in a minute (a burst is spam or a stuck button) */
  commentUser: { limit: 3, windowMs: MINUTE } satisfies WindowRule,
} as const;

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
