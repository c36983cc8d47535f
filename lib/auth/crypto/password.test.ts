import { afterEach, describe, expect, it, vi } from "vitest";
import {
  currentParams,
  hashPassword,
  needsRehash,
  PRODUCTION_PARAMS,
  TEST_PARAMS,
  verifyDummyPassword,
  verifyPassword,
} from "./password";

afterEach(() => vi.unstubAllEnvs());

describe("hashPassword", () => {
  it("encodes the production parameters in a production hash", async () => {
    vi.stubEnv("BYLINE_TEST", "");
    const h = await hashPassword("correct horse battery");
    expect(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
  });

  it("uses the cheap parameters only when BYLINE_TEST is set", async () => {
    vi.stubEnv("BYLINE_TEST", "1");
    const h = await hashPassword("correct horse battery");
    expect(h.startsWith("$argon2id$v=19$m=1024,t=1,p=1$")).toBe(true);
  });

  it("salts: the same password hashes differently twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same", TEST_PARAMS), hashPassword("same", TEST_PARAMS)]);
    expect(a).not.toBe(b);
  });
});

describe("currentParams", () => {
  it("never picks the test parameters in a production process", () => {
    expect(currentParams({ NODE_ENV: "production", BYLINE_TEST: "1" })).toEqual(PRODUCTION_PARAMS);
    expect(currentParams({ NODE_ENV: "test", BYLINE_TEST: "true" })).toEqual(TEST_PARAMS);
    expect(currentParams({ NODE_ENV: "development" })).toEqual(PRODUCTION_PARAMS);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password and refuses others, including whitespace variants", async () => {
    const h = await hashPassword(" spaced password ", TEST_PARAMS);
    expect(await verifyPassword(h, " spaced password ")).toBe(true);
    expect(await verifyPassword(h, "spaced password")).toBe(false);
  });
  it("returns false for a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
  it("the dummy verification always fails", async () => {
    vi.stubEnv("BYLINE_TEST", "1");
    expect(await verifyDummyPassword("anything")).toBe(false);
  });
});

describe("needsRehash", () => {
  it("flags hashes made with other parameters", async () => {
    const cheap = await hashPassword("pw-1234567", TEST_PARAMS);
    expect(needsRehash(cheap, PRODUCTION_PARAMS)).toBe(true);
    expect(needsRehash(cheap, TEST_PARAMS)).toBe(false);
    expect(needsRehash("garbage", TEST_PARAMS)).toBe(true);
  });
});
