import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isCrossSite, jsonError } from "./api-response";

const req = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/x", { method: "POST", headers });

describe("isCrossSite", () => {
  it("accepts same-origin and origin-less requests", () => {
    expect(isCrossSite(req({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(false);
    expect(isCrossSite(req({ host: "localhost:3000" }))).toBe(false);
    expect(isCrossSite(req({ host: "localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(false);
  });
  it("rejects another site", () => {
    expect(isCrossSite(req({ host: "localhost:3000", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSite(req({ host: "localhost:3000", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(req({ host: "localhost:3000", origin: "null" }))).toBe(true);
  });
});

describe("jsonError", () => {
  it("maps an AppError to its status and message, uncached", async () => {
    const r = jsonError(new AppError("UNAUTHENTICATED"));
    expect(r.status).toBe(401);
    expect(r.headers.get("cache-control")).toContain("no-store");
    expect((await r.json()).error.code).toBe("UNAUTHENTICATED");
  });
});
