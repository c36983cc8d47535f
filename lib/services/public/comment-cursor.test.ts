import { describe, expect, it } from "vitest";
import { decodeCommentCursor, encodeCommentCursor } from "./comment-cursor";

describe("comment cursor", () => {
  it("round-trips a time and a comment id", () => {
    const c = { createdAt: new Date("2026-12-02T10:00:00.123Z"), id: "cmabc123_-X" };
    expect(decodeCommentCursor(encodeCommentCursor(c))).toEqual(c);
  });

  it("refuses malformed cursors instead of guessing a page", () => {
    for (const raw of [
      undefined,
      null,
      "",
      "abc",
      ".id",
      "zz.",
      "0.id",
      "1.id/../x",
      "1.id\u0000",
      `1.${"a".repeat(41)}`,
      "zzzzzzzzzzz.id",
    ]) {
      expect(decodeCommentCursor(raw), String(raw)).toBeNull();
    }
  });
});
