import { describe, expect, it } from "vitest";
import { resolveClientIp } from "./client-ip.mjs";

describe("resolveClientIp", () => {
  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientIp("::ffff:10.0.0.9", "1.2.3.4", 0)).toBe("10.0.0.9");
  });
  it("takes the entry our own proxy appended, not what the client wrote before it", () => {
    expect(resolveClientIp("10.0.0.1", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(resolveClientIp("10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
  });
});
