import { describe, expect, it } from "vitest";
import { newPublicId, publicIdSchema, rowIdSchema } from "./public-id";

describe("newPublicId", () => {
  it("is six lower-case base36 characters starting with a letter", () => {
    for (let i = 0; i < 200; i++) expect(newPublicId()).toMatch(/^[a-z][0-9a-z]{5}$/);
  });
  it("honours the length and is random", () => {
    expect(newPublicId(10)).toHaveLength(10);
    expect(new Set(Array.from({ length: 1000 }, () => newPublicId())).size).toBe(1000);
  });
});

describe("publicIdSchema and rowIdSchema", () => {
  it("accept our ids and refuse anything that could surprise a query", () => {
    expect(publicIdSchema.safeParse(newPublicId()).success).toBe(true);
    for (const bad of ["", "a".repeat(17), "a/b", "a\u0000b", "ü", "a b"]) {
      expect(publicIdSchema.safeParse(bad).success).toBe(false);
    }
    const commentId = rowIdSchema("评论编号无效。");
    expect(commentId.safeParse("cmabc123xyz0000000000000").success).toBe(true);
    const nul = commentId.safeParse("c\u0000");
    expect(nul.success).toBe(false);
    expect(nul.error?.issues[0]?.message).toBe("评论编号无效。");
  });
});
