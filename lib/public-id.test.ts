import { describe, expect, it } from "vitest";
import { newPublicId } from "./public-id";

describe("newPublicId", () => {
  it("is six lower-case base36 characters starting with a letter", () => {
    for (let i = 0; i < 200; i++) expect(newPublicId()).toMatch(/^[a-z][0-9a-z]{5}$/);
  });
  it("honours the length and is random", () => {
    expect(newPublicId(10)).toHaveLength(10);
    expect(new Set(Array.from({ length: 1000 }, () => newPublicId())).size).toBe(1000);
  });
});
