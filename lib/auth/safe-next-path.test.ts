import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loginPathFor, safeNextPath } from "./safe-next-path";

const SITE = "https://site.example";

/** What the browser does with a Location / href: same origin, and not the login loop. */
function expectSameOriginPath(out: string) {
  expect(out.startsWith("/")).toBe(true);
  expect(out.startsWith("//")).toBe(false);
  expect(out).not.toMatch(/[\\\u0000-\u001f\u007f]/);
  expect(new URL(out, SITE).origin).toBe(SITE);
}

describe("safeNextPath", () => {
  it.each([
    ["/", "/"],
    ["/editor", "/editor"],
    ["/posts/ab12c?from=home#comments", "/posts/ab12c?from=home#comments"],
    ["/search?q=%E5%8B%92%E7%B4%A2", "/search?q=%E5%8B%92%E7%B4%A2"],
    ["/a/../admin", "/admin"], // normalised, still same-origin
    ["/tag/TCP%2FIP", "/tag/TCP%2FIP"], // an encoded slash inside a segment is a name, not a separator
    ["/search?q=//evil.example", "/search?q=//evil.example"], // slashes in the query are data
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
    "/\r\n/evil.example",
    " /editor",
    "javascript:alert(1)",
    "editor",
    "",
    "/login",
    "/register?next=/admin",
    "/%2e%2e/login",
    "/" + "a".repeat(2048),
    // normalising creates what the first check refused (issue 8, finding 5)
    "/%2e%2e//evil.com",
    "/%2E%2E//evil.com",
    "/.%2e//evil.com",
    "/a/..//evil.com",
    "/x/%2e%2e/%2e%2e//evil.com",
    // protocol-relative once a later layer decodes the path
    "/./%2F%2Fevil",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%5Cevil.example",
    "/%5c%5cevil.example",
    "/%2e%2e%2f%2fevil.example",
    // percent-encoding makes it longer than the limit: a second pass would refuse it
    "/" + "勒".repeat(300),
  ])("refuses %j", (input) => {
    expect(safeNextPath(input)).toBe("/");
  });

  it("refuses non-strings and uses the given fallback", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined, "/me")).toBe("/me");
    expect(safeNextPath(["/editor"])).toBe("/");
  });

  // Strings built from the pieces that confuse URL handling, and arbitrary unicode.
  const piece = fc.constantFrom(
    "/",
    "//",
    "\\",
    ".",
    "..",
    "%2e",
    "%2E",
    "%2f",
    "%2F",
    "%5c",
    "%5C",
    "%",
    "%zz",
    "%E0%A4%A",
    "\t",
    "\n",
    "\r",
    " ",
    "@",
    ":",
    "?",
    "#",
    ";",
    "evil.com",
    "login",
    "http:",
    "javascript:",
    "勒索",
    "\u0000",
    "\u2028",
    "\ud800",
    "a",
  );
  const tricky = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((a) => a.join("")),
    fc.array(piece, { maxLength: 12 }).map((a) => "/" + a.join("")),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }).map((s) => "/" + s),
  );

  it("is a fixed point and only ever returns a same-origin path (property, 5000 runs)", () => {
    const seed = 20261201;
    fc.assert(
      fc.property(tricky, (raw) => {
        const once = safeNextPath(raw);
        expectSameOriginPath(once);
        expect(safeNextPath(once)).toBe(once);
      }),
      { numRuns: 5000, seed },
    );
  });
});

describe("loginPathFor", () => {
  it("encodes the target, and drops unsafe or trivial ones", () => {
    expect(loginPathFor("/editor/drafts?page=2")).toBe("/login?next=%2Feditor%2Fdrafts%3Fpage%3D2");
    expect(loginPathFor("//evil.example")).toBe("/login");
    expect(loginPathFor("/%2e%2e//evil.example")).toBe("/login");
    expect(loginPathFor("/")).toBe("/login");
  });
});
