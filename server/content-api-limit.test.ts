import http from "node:http";
import { describe, expect, it } from "vitest";
import { CONTENT_API_RATE as APP_RATE } from "@/lib/api/respond";
import { rateLimitedError } from "@/lib/security/rate-limit-rules";
import {
  CONTENT_API_RATE,
  contentApiLimitMessage,
  createContentApiLimit,
  createWindowCounter,
} from "./content-api-limit.mjs";

describe("the Content API limit counted in memory", () => {
  it("is lib/api/respond.ts' rule, with rateLimitedError's message", () => {
    expect(CONTENT_API_RATE).toEqual(APP_RATE);
    for (const s of [1, 7, 59, 60])
      expect(contentApiLimitMessage(s)).toBe(
        rateLimitedError(s, "请求太频繁了（每个地址每分钟 120 次）").message,
      );
  });

  it("counts fixed windows per key: the limit, then refused until the window ends", () => {
    let now = 1_000_000;
    const counter = createWindowCounter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([1, 2, 3, 4].map(() => counter.hit("a").allowed)).toEqual([true, true, true, false]);
    expect(counter.hit("b").allowed).toBe(true);
    now += 59_000;
    expect(counter.hit("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(counter.hit("a").allowed).toBe(true);
  });

  it("stays within maxKeys: ended windows are swept, then the oldest live ones forgotten", () => {
    let now = 0;
    const counter = createWindowCounter({ limit: 1, windowMs: 1_000, now: () => now, maxKeys: 3 });
    for (const k of ["a", "b", "c"]) counter.hit(k);
    now = 2_000;
    counter.hit("d");
    expect(counter.size).toBe(1);
    for (const k of ["e", "f", "g"]) counter.hit(k);
    expect(counter.size).toBeLessThanOrEqual(3);
  });

  it("answers the 121st request of an address a minute with respond.ts' 429: JSON, Retry-After, CORS", () => {
    const limit = createContentApiLimit({ now: () => 5_000 });
    const sent: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
    const res = {
      writeHead: (status: number, headers: Record<string, unknown>) =>
        Object.assign(sent, { status, headers }),
      end: (body?: string) => Object.assign(sent, { body }),
    } as unknown as http.ServerResponse;
    const req = (ip: string) =>
      ({ method: "GET", headers: { "x-byline-client-ip": ip } }) as unknown as http.IncomingMessage;
    for (let i = 0; i < 120; i++) expect(limit(req("192.0.2.1"), res)).toBe(false);
    expect(sent.status).toBeUndefined();
    expect(limit(req("192.0.2.1"), res)).toBe(true);
    expect(limit(req("192.0.2.2"), res)).toBe(false);
    expect(sent.status).toBe(429);
    expect(sent.headers).toMatchObject({
      "retry-after": "60",
      "access-control-allow-origin": "*",
      "cache-control": "private, no-store",
    });
    expect(JSON.parse(sent.body!)).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: rateLimitedError(60, "请求太频繁了（每个地址每分钟 120 次）").message,
        retryAfterSeconds: 60,
      },
    });
  });
});
