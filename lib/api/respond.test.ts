import { describe, expect, it } from "vitest";
import { matchesEtag } from "./respond";

describe("matchesEtag", () => {
  const etag = '"abc"';
  it("matches the tag, in a list, weak or as *", () => {
    expect(matchesEtag('"abc"', etag)).toBe(true);
    expect(matchesEtag('"x", W/"abc"', etag)).toBe(true);
    expect(matchesEtag("*", etag)).toBe(true);
  });
  it("does not match another tag, a bare value or nothing", () => {
    expect(matchesEtag('"abd"', etag)).toBe(false);
    expect(matchesEtag("abc", etag)).toBe(false);
    expect(matchesEtag("", etag)).toBe(false);
    expect(matchesEtag(null, etag)).toBe(false);
  });
});
