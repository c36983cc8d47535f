import { describe, expect, it } from "vitest";
import { assertSafeTestDatabase } from "./guard";

describe("assertSafeTestDatabase", () => {
  it("accepts a local test database", () => {
    expect(() => assertSafeTestDatabase("postgresql://postgres@127.0.0.1:5432/byline_test")).not.toThrow();
    expect(() => assertSafeTestDatabase("postgresql://u:p@localhost/x_test_int")).not.toThrow();
  });
  it("refuses remote hosts and non-test names", () => {
    expect(() => assertSafeTestDatabase("postgresql://u:p@db.example.com/byline_test")).toThrow(/non-local/);
    expect(() => assertSafeTestDatabase("postgresql://u:p@127.0.0.1/byline")).toThrow(/must contain "test"/);
    expect(() => assertSafeTestDatabase("not a url")).toThrow(/not a valid URL/);
  });
});
