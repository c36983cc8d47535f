import { describe, expect, it } from "vitest";
import { visitorIdFor } from "./visitor-id.mjs";

describe("visitorIdFor", () => {
  it("keeps a well-formed cookie", () => {
    expect(visitorIdFor("abcdefghijklmnopqrstuv", "1.2.3.4", "ua")).toEqual({
      id: "abcdefghijklmnopqrstuv",
      isNew: false,
    });
  });

  it("derives a stable opaque id for a cookieless visitor and ignores forged cookies", () => {
    const a = visitorIdFor(undefined, "1.2.3.4", "Mozilla/5.0 test");
    expect(a.isNew).toBe(true);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.id).not.toContain("1.2.3.4");
    expect(visitorIdFor("../../etc", "1.2.3.4", "Mozilla/5.0 test")).toEqual(a);
    expect(visitorIdFor(undefined, "1.2.3.5", "Mozilla/5.0 test").id).not.toBe(a.id);
  });
});

describe("a cookieless visitor on several instances", () => {
  const withSecret = async <T>(secret: string | undefined, fn: () => T): Promise<T> => {
    const saved = process.env.AUTH_SECRET;
    const g = globalThis as { __bylineVisitorKeys?: unknown };
    delete g.__bylineVisitorKeys;
    if (secret === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = secret;
    try {
      return fn();
    } finally {
      delete g.__bylineVisitorKeys;
      if (saved === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = saved;
    }
  };
  const day = Date.UTC(2026, 11, 3, 12);

  it("gets the same id from every process that shares AUTH_SECRET, a new one the next day", async () => {
    const one = await withSecret("s".repeat(44), () => visitorIdFor(undefined, "1.2.3.4", "ua", day).id);
    // another process: nothing kept in memory, the same secret
    const two = await withSecret(
      "s".repeat(44),
      () => visitorIdFor(undefined, "1.2.3.4", "ua", day + 3_600_000).id,
    );
    expect(two).toBe(one);
    const tomorrow = await withSecret(
      "s".repeat(44),
      () => visitorIdFor(undefined, "1.2.3.4", "ua", day + 24 * 3_600_000).id,
    );
    expect(tomorrow).not.toBe(one);
    const otherSite = await withSecret(
      "t".repeat(44),
      () => visitorIdFor(undefined, "1.2.3.4", "ua", day).id,
    );
    expect(otherSite).not.toBe(one);
  });

  it("without AUTH_SECRET keeps a key of the process' own", async () => {
    const a = await withSecret(undefined, () => visitorIdFor(undefined, "1.2.3.4", "ua", day).id);
    const b = await withSecret(
      undefined,
      () => visitorIdFor(undefined, "1.2.3.4", "ua", day + 24 * 3_600_000).id,
    );
    expect(b).toBe(a);
  });
});
