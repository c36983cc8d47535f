import { describe, expect, it } from "vitest";
import { uuidv5 } from "./uuid";

describe("uuidv5", () => {
  it("matches the RFC 9562 test vector and Python's uuid.uuid5", () => {
    // uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com")
    expect(uuidv5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("is stable and distinct per name", () => {
    const ns = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    expect(uuidv5("a", ns)).toBe(uuidv5("a", ns));
    expect(uuidv5("a", ns)).not.toBe(uuidv5("b", ns));
    expect(uuidv5("例子", ns)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
