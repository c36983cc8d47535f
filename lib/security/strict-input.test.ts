import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assertStrictInput, formToObject } from "./strict-input";

describe("assertStrictInput", () => {
  it("accepts strict objects and scalars, refuses lax objects", () => {
    expect(() => assertStrictInput("a", z.strictObject({ x: z.string() }))).not.toThrow();
    expect(() => assertStrictInput("b", z.string())).not.toThrow();
    expect(() => assertStrictInput("c", z.object({ x: z.string() }))).toThrow(/strictObject/);
    expect(() => assertStrictInput("d", z.object({ x: z.string() }).loose())).toThrow(/strictObject/);
  });

  it("a strict schema refuses mass-assigned fields", () => {
    const r = z.strictObject({ title: z.string() }).safeParse({ title: "t", role: "ADMIN" });
    expect(r.success).toBe(false);
  });
});

describe("formToObject", () => {
  it("keeps fields, groups repeated names, drops Next.js action fields", () => {
    const f = new FormData();
    f.append("title", "标题");
    f.append("tag", "a");
    f.append("tag", "b");
    f.append("$ACTION_ID_abc", "");
    expect(formToObject(f)).toEqual({ title: "标题", tag: ["a", "b"] });
  });
});
