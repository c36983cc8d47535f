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
