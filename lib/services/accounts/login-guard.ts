import "server-only";
import { createHash } from "node:crypto";
import { type RateLimiter, secondsUntil } from "@/lib/security/rate-limit";
import { LIMITS } from "@/lib/security/rate-limit-rules";

/**
 * The login brute-force rules over the shared counters. Called by authenticateUser, which every
 * sign-in path goes through (our login action and Auth.js's own credentials endpoint alike).
 * Accounts are keyed by a hash of the submitted address whether or not it has an account, so
 * a block or a captcha demand never reveals which emails are registered.
 */

export type GuardContext = { ip: string | null; limiter: RateLimiter };

export const accountKey = (email: string) =>
  createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 32);
const ipPart = (ip: string | null) => (ip ?? "unknown").slice(0, 64);

const keys = (email: string, ip: string | null) => {
  const account = accountKey(email);
  return {
    account,
    accountIp: `login:account-ip:${account}:${ipPart(ip)}`,
    accountFailures: `login:account:${account}`,
    ipAccounts: `login:ip-accounts:${ipPart(ip)}`,
    ipRequests: `auth:ip:${ipPart(ip)}`,
  };
};

type LoginStatus = { retryAfterSeconds: number | null; captchaRequired: boolean };

/** Read-only: is this account+IP blocked, and does this account need a captcha now? */
async function loginStatus(email: string, { ip, limiter }: GuardContext): Promise<LoginStatus> {
  const k = keys(email, ip);
  const [blockedUntil, failures] = await Promise.all([
    limiter.blockedUntil(k.accountIp),
    limiter.peek(k.accountFailures),
  ]);
  return {
    retryAfterSeconds: blockedUntil ? secondsUntil(blockedUntil, limiter.now()) : null,
    captchaRequired: failures.points >= LIMITS.loginAccountCaptcha.limit,
  };
}

/** Counts one auth request against the IP's hourly budget; returns the wait when it is spent. */
export async function spendIpAuthRequest({ ip, limiter }: GuardContext): Promise<number | null> {
  const r = await limiter.hit(`auth:ip:${ipPart(ip)}`, LIMITS.ipAuthRequests);
  return r.points > LIMITS.ipAuthRequests.limit ? secondsUntil(r.resetAt, limiter.now()) : null;
}

/**
 * Admits one login attempt or says how long to wait. Spends the IP's request budget and records
 * the account among the IP's distinct accounts (a new account past the 30th is refused).
 */
export async function admitLoginAttempt(
  email: string,
  ctx: GuardContext,
): Promise<{ retryAfterSeconds: number | null; captchaRequired: boolean }> {
  const k = keys(email, ctx.ip);
  const status = await loginStatus(email, ctx);
  if (status.retryAfterSeconds) return status;

  const ipWait = await spendIpAuthRequest(ctx);
  if (ipWait) return { ...status, retryAfterSeconds: ipWait };

  const rule = LIMITS.ipDistinctAccounts;
  if (!(await ctx.limiter.hasMember(k.ipAccounts, k.account))) {
    if ((await ctx.limiter.countMembers(k.ipAccounts)) >= rule.limit) {
      // the oldest remembered account expires within the window; the window is the honest upper bound
      return { ...status, retryAfterSeconds: Math.ceil(rule.windowMs / 1000) };
    }
    await ctx.limiter.addMember(k.ipAccounts, k.account, rule.windowMs);
  }
  return status;
}

/** Counts a failure for the account+IP block and the account-wide captcha rule; says what the next try faces. */
export async function recordLoginFailure(
  email: string,
  { ip, limiter }: GuardContext,
): Promise<{ captchaRequired: boolean; retryAfterSeconds?: number }> {
  const k = keys(email, ip);
  const { blockedUntil } = await limiter.fail(k.accountIp, LIMITS.loginAccountIp);
  const failures = await limiter.hit(k.accountFailures, LIMITS.loginAccountCaptcha);
  const captchaRequired = failures.points >= LIMITS.loginAccountCaptcha.limit;
  // the failure that starts a block says so at once (the same for unknown emails)
  return blockedUntil
    ? { captchaRequired, retryAfterSeconds: secondsUntil(blockedUntil, limiter.now()) }
    : { captchaRequired };
}

/** A correct password clears its own account+IP counter (not the account-wide captcha count). */
export async function recordLoginSuccess(email: string, { ip, limiter }: GuardContext): Promise<void> {
  await limiter.reset(keys(email, ip).accountIp);
}
