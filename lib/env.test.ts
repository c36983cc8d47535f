import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

const strongSecret = "q3v8K1m0ZsX7bT2pL9wE4rY6uI5oA1sD3fG7hJ0kL2z";
const base = { DATABASE_URL: "postgresql://localhost/x" };

describe("loadEnv", () => {
  it("accepts a development environment with defaults", () => {
    const env = loadEnv({ ...base, NODE_ENV: "development" });
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.BYLINE_DEMO).toBe(false);
  });

  it("refuses production without a strong AUTH_SECRET", () => {
    expect(() => loadEnv({ ...base, NODE_ENV: "production", SMTP_URL: "smtp://x" })).toThrow(/AUTH_SECRET/);
    expect(() =>
      loadEnv({ ...base, NODE_ENV: "production", SMTP_URL: "smtp://x", AUTH_SECRET: "secret-but-short" }),
    ).toThrow(/AUTH_SECRET/);
    expect(() =>
      loadEnv({
        ...base,
        NODE_ENV: "production",
        SMTP_URL: "smtp://x",
        AUTH_SECRET: `changeme${strongSecret}`,
      }),
    ).toThrow(/AUTH_SECRET/);
  });

  it("refuses production without mail, unless in demo mode", () => {
    expect(() => loadEnv({ ...base, NODE_ENV: "production", AUTH_SECRET: strongSecret })).toThrow(/SMTP_URL/);
    expect(
      loadEnv({ ...base, NODE_ENV: "production", AUTH_SECRET: strongSecret, BYLINE_DEMO: "1" }).BYLINE_DEMO,
    ).toBe(true);
  });

  it("requires DATABASE_URL and a valid SITE_URL", () => {
    expect(() => loadEnv({ NODE_ENV: "development" })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ ...base, NODE_ENV: "development", SITE_URL: "not a url" })).toThrow(/SITE_URL/);
  });
});
