import { describe, expect, it } from "vitest";
import { blockDurationMs, secondsUntil } from "./rate-limit";
import { LIMITS, rateLimitedError, waitText } from "./rate-limit-rules";

const MIN = 60_000;

describe("login block escalation", () => {
  it("starts at 10 minutes, doubles per further block and stops at 24 hours", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((n) => blockDurationMs(LIMITS.loginAccountIp, n) / MIN);
    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440]);
  });

  it("never overflows for absurd block counts", () => {
    expect(blockDurationMs(LIMITS.loginAccountIp, 10_000)).toBe(24 * 60 * MIN);
    expect(blockDurationMs(LIMITS.loginAccountIp, 0)).toBe(10 * MIN);
  });
});

describe("retry messages", () => {
  it("round the wait up and say it in zh-CN", () => {
    expect(waitText(600)).toBe("10 分钟");
    expect(waitText(599.2)).toBe("10 分钟");
    expect(waitText(45)).toBe("45 秒");
    expect(waitText(80 * 60)).toBe("1 小时 20 分钟");
    expect(waitText(24 * 3600)).toBe("24 小时");
    const e = rateLimitedError(600);
    expect(e.message).toBe("尝试次数过多，请在 10 分钟后再试。");
    expect(e.code).toBe("RATE_LIMITED");
    expect(e.status).toBe(429);
    expect(e.retryAfterSeconds).toBe(600);
  });

  it("never tells anyone to retry before the block ends", () => {
    expect(secondsUntil(10_001, 10_000)).toBe(1);
    expect(secondsUntil(10_000 + 600_000, 10_000)).toBe(600);
    expect(secondsUntil(5, 10)).toBe(1);
  });
});
