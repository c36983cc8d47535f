/**
 * When to try a failed delivery again: 30 s × 2^(n-1) after the n-th failed attempt, at most an
 * hour apart, with ±20 % jitter so deliveries that failed together (a receiver's outage) do not
 * all come back in the same second. A delivery is given up (FAILED) when the next try would fall
 * more than 24 hours after the delivery was made.
 */

const DEFAULT_BASE_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

/** BYLINE_WEBHOOK_RETRY_BASE_MS (tests: a few hundred ms) sets the first delay; at least 100 ms. */
export function retryBaseMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.BYLINE_WEBHOOK_RETRY_BASE_MS);
  return Number.isInteger(n) && n >= 100 ? n : DEFAULT_BASE_MS;
}

/** The delay after `failedAttempts` failures (1, 2, …), before jitter. */
export function backoffDelayMs(failedAttempts: number, baseMs = DEFAULT_BASE_MS): number {
  const exp = Math.min(Math.max(failedAttempts, 1) - 1, 30);
  return Math.min(baseMs * 2 ** exp, Math.max(MAX_DELAY_MS, baseMs));
}

/**
 * The next attempt's time, or null to give up. `random` in [0, 1) is injectable so tests are
 * exact; 0.5 means no jitter.
 */
export function nextAttemptAt(
  delivery: { createdAt: Date; failedAttempts: number },
  now: Date,
  { baseMs = DEFAULT_BASE_MS, random = Math.random }: { baseMs?: number; random?: () => number } = {},
): Date | null {
  const jitter = 0.8 + 0.4 * random();
  const at = now.getTime() + Math.round(backoffDelayMs(delivery.failedAttempts, baseMs) * jitter);
  return at - delivery.createdAt.getTime() > GIVE_UP_AFTER_MS ? null : new Date(at);
}
