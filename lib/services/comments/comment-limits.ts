import "server-only";
import { type RateLimiter, secondsUntil, sharedLimiter } from "@/lib/security/rate-limit";
import { COMMENT_LIMITS, rateLimitedError } from "@/lib/security/rate-limit-rules";

type Rule = { name: string; limit: number; windowMs: number; what: string };

// One atomic upsert per rule (issue 8, finding 13): parallel requests each get their own count,
// so exactly `limit` pass whatever the burst. Rules are hit one after the other and the first one
// over its limit stops the rest, so a refused attempt does not spend the longer allowances.
async function hitAll(limiter: RateLimiter, checks: [key: string, rule: Rule][]) {
  for (const [key, rule] of checks) {
    const { points, resetAt } = await limiter.hit(key, rule);
    if (points > rule.limit) throw rateLimitedError(secondsUntil(resetAt, limiter.now()), rule.what);
  }
}

/** Counts one comment against the account's and the address's limits; RATE_LIMITED says when to retry. */
export async function hitCommentLimits(
  userId: string,
  ip: string | null | undefined,
  limiter: RateLimiter = sharedLimiter(),
): Promise<void> {
  const checks: [string, Rule][] = COMMENT_LIMITS.account.map((r) => [`comment:${r.name}:${userId}`, r]);
  if (ip) checks.push([`comment:ip:${ip}`, COMMENT_LIMITS.ip]);
  await hitAll(limiter, checks);
}

/** Counts one report against the account's limit. */
export async function hitReportLimit(userId: string, limiter: RateLimiter = sharedLimiter()): Promise<void> {
  await hitAll(limiter, [[`comment:report:${userId}`, COMMENT_LIMITS.report]]);
}
