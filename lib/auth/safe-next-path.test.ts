import { describe, expect, it } from "vitest";
import { loginPathFor, safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    ["/", "/"],
    ["/editor", "/editor"],
    ["/posts/ab12c?from=home#comments", "/posts/ab12c?from=home#comments"],
    ["/search?q=%E5%8B%92%E7%B4%A2", "/search?q=%E5%8B%92%E7%B4%A2"],
    ["/a/../admin", "/admin"], // normalised, still same-origin
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"], // an encoded slash stays a path segment
  ])("keeps same-origin path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "http:/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " /editor",
    "javascript:alert(1)",
    "editor",
    "",
    "/login",
    "/register?next=/admin",
    "/" + "a".repeat(2048),
  ])("refuses %j", (input) => {
    expect(safeNextPath(input)).toBe("/");
  });

  it("refuses non-strings and uses the given fallback", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined, "/me")).toBe("/me");
    expect(safeNextPath(["/editor"])).toBe("/");
  });
});

describe("loginPathFor", () => {
  it("encodes the target, and drops unsafe or trivial ones", () => {
    expect(loginPathFor("/editor/drafts?page=2")).toBe("/login?next=%2Feditor%2Fdrafts%3Fpage%3D2");
    expect(loginPathFor("//evil.example")).toBe("/login");
    expect(loginPathFor("/")).toBe("/login");
  });
});
