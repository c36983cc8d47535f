import { describe, expect, it } from "vitest";
import { backoffDelayMs, GIVE_UP_AFTER_MS, nextAttemptAt, retryBaseMs } from "./backoff";

const HOUR = 3_600_000;

describe("webhook retry backoff", () => {
  it("doubles from 30 s and stops growing at an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 30].map((n) => backoffDelayMs(n))).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      480_000,
      960_000,
      1_920_000,
      HOUR,
      HOUR,
      HOUR,
    ]);
  });

  it("jitters by at most ±20 %", () => {
    const created = new Date("2026-01-01T00:00:00Z");
    const at = (random: number) =>
      nextAttemptAt({ createdAt: created, failedAttempts: 1 }, created, { random: () => random })!.getTime() -
      created.getTime();
    expect(at(0)).toBe(24_000);
    expect(at(0.5)).toBe(30_000);
    expect(at(0.999999)).toBeLessThanOrEqual(36_000);
  });

  it("gives up once the next try would fall more than 24 hours after the delivery was made", () => {
    const created = new Date("2026-01-01T00:00:00Z");
    const noJitter = { random: () => 0.5 };
    // walk the schedule the way the worker does, each retry at the time the previous one chose
    let now = created;
    let failed = 0;
    const times: number[] = [];
    for (;;) {
      failed++;
      const next = nextAttemptAt({ createdAt: created, failedAttempts: failed }, now, noJitter);
      if (!next) break;
      times.push(next.getTime() - created.getTime());
      now = next;
    }
    expect(times.at(-1)!).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
    expect(times.at(-1)!).toBeGreaterThan(GIVE_UP_AFTER_MS - HOUR);
    // 7 doubling retries (30 s … 32 min, 63.5 min in all), then hourly up to the 24th hour
    expect(failed).toBe(7 + 22 + 1);
    const late = nextAttemptAt(
      { createdAt: created, failedAttempts: 3 },
      new Date(created.getTime() + 24 * HOUR - 1000),
    );
    expect(late).toBeNull();
  });

  it("takes a faster base from BYLINE_WEBHOOK_RETRY_BASE_MS, ignoring nonsense", () => {
    expect(retryBaseMs({ BYLINE_WEBHOOK_RETRY_BASE_MS: "200" })).toBe(200);
    expect(retryBaseMs({ BYLINE_WEBHOOK_RETRY_BASE_MS: "5" })).toBe(30_000);
    expect(retryBaseMs({ BYLINE_WEBHOOK_RETRY_BASE_MS: "abc" })).toBe(30_000);
    expect(retryBaseMs({})).toBe(30_000);
    expect(backoffDelayMs(2, 200)).toBe(400);
  });
});
