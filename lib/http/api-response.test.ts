import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { jsonError } from "./api-response";

describe("jsonError", () => {
  it("maps an AppError to its status and message, uncached", async () => {
    const r = jsonError(new AppError("UNAUTHENTICATED"));
    expect(r.status).toBe(401);
    expect(r.headers.get("cache-control")).toContain("no-store");
    expect(r.headers.get("retry-after")).toBeNull();
    expect((await r.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("answers an exhausted database pool with 503 and Retry-After, not 500", async () => {
    const r = jsonError(new Error("timeout exceeded when trying to connect"));
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("5");
    expect((await r.json()).error).toMatchObject({
      code: "UNAVAILABLE",
      message: "服务器正忙，请稍后重试。",
    });
  });

  it("tells a rate-limited client when to come back", () => {
    const r = jsonError(new AppError("RATE_LIMITED", undefined, { retryAfterSeconds: 42 }));
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("42");
  });
});
