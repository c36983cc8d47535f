import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("keyset cursor", () => {
  it("round-trips", () => {
    const c = { publishedAt: new Date("2026-03-01T08:30:15.123Z"), publicId: "aB3_x-9" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it("rejects malformed input", () => {
    for (const raw of [
      "",
      "abc",
      "zz.",
      ".abc",
      "1.a b",
      "1.<script>",
      "!!.abc",
      "1.abcdefghijklmnopq",
      undefined,
      ["1.a"],
    ]) {
      expect(decodeCursor(raw as string)).toBeNull();
    }
  });
});
