import { describe, expect, it } from "vitest";
import { allowedOrigins, assertSameOrigin, originProblem } from "./origin";

const h = (init: Record<string, string>) => new Headers(init);
const prod = allowedOrigins("https://news.example.com/", true);
const dev = allowedOrigins("http://localhost:3000", false);

describe("originProblem", () => {
  it("accepts exactly the configured origin", () => {
    expect(originProblem(h({ origin: "https://news.example.com" }), prod)).toBeNull();
    expect(
      originProblem(h({ origin: "https://news.example.com", "sec-fetch-site": "same-origin" }), prod),
    ).toBeNull();
  });

  it("refuses a missing Origin, even from a same-origin fetch", () => {
    expect(originProblem(h({}), prod)).toMatch(/missing/);
    expect(originProblem(h({ "sec-fetch-site": "same-origin" }), prod)).toMatch(/missing/);
  });

  it("refuses other origins, null, other schemes and ports, and sibling sites", () => {
    for (const origin of [
      "https://evil.example",
      "null",
      "http://news.example.com",
      "https://news.example.com:8443",
      "https://a.news.example.com",
    ]) {
      expect(originProblem(h({ origin }), prod), origin).not.toBeNull();
    }
    expect(
      originProblem(h({ origin: "https://news.example.com", "sec-fetch-site": "same-site" }), prod),
    ).not.toBeNull();
    expect(
      originProblem(h({ origin: "https://news.example.com", "sec-fetch-site": "cross-site" }), prod),
    ).not.toBeNull();
  });

  it("never derives the origin from Host or X-Forwarded-Host", () => {
    const spoofed = h({
      origin: "https://evil.example",
      host: "evil.example",
      "x-forwarded-host": "evil.example",
    });
    expect(originProblem(spoofed, prod)).not.toBeNull();
  });

  it("treats loopback names as one origin outside production only", () => {
    expect(originProblem(h({ origin: "http://127.0.0.1:3000" }), dev)).toBeNull();
    expect(originProblem(h({ origin: "http://127.0.0.1:3001" }), dev)).not.toBeNull();
    expect(allowedOrigins("http://localhost:3000", true)).toEqual(new Set(["http://localhost:3000"]));
  });

  it("assertSameOrigin throws a 403 AppError with a zh-CN message", () => {
    expect(() => assertSameOrigin(h({ origin: "https://evil.example" }), prod)).toThrow(/请求来源/);
  });
});
