import { describe, expect, it } from "vitest";
import { emailSchema, isSafeText, newPasswordSchema, safeText, UNSAFE_TEXT_MESSAGE } from "./validation";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);

describe("isSafeText", () => {
  it("accepts ordinary text, CJK and paired surrogates (emoji)", () => {
    expect(isSafeText("署名 Byline 🔐 test")).toBe(true);
  });
  it("refuses NUL and lone surrogates", () => {
    expect(isSafeText("a\0b")).toBe(false);
    expect(isSafeText("x\uD83D")).toBe(false); // high surrogate without its pair
    expect(isSafeText("\uDC00y")).toBe(false); // low surrogate on its own
    expect(isSafeText("\uDE00\uD83D")).toBe(false); // pair in the wrong order
  });
  it("refuses the other C0 control characters but keeps tab, line feed and carriage return", () => {
    for (const c of ["\u0001", "\u0007", "\b", "\u000B", "\f", "\u001B", "\u001F"])
      expect(isSafeText(`a${c}b`), JSON.stringify(c)).toBe(false);
    expect(isSafeText("列1\t列2\r\n第二行\n")).toBe(true);
    expect(isSafeText("\u007F\u00A0")).toBe(true); // DEL and C1 are not C0: left to the fields that care
  });
});

describe("safeText", () => {
  it("trims by default and keeps the value", () => {
    expect(safeText(10).parse("  你好  ")).toBe("你好");
  });
  it("refuses NUL and lone surrogates with the zh-CN message", () => {
    expect(messages(safeText(10).safeParse("a\0"))).toEqual([UNSAFE_TEXT_MESSAGE]);
    expect(messages(safeText(10).safeParse("\uD800"))).toEqual([UNSAFE_TEXT_MESSAGE]);
    expect(messages(safeText(10).safeParse("a\u001Bb"))).toEqual([UNSAFE_TEXT_MESSAGE]);
  });
  it("counts code points, like varchar(n)", () => {
    expect(safeText(2).safeParse("🔐🔑").success).toBe(true); // 4 UTF-16 units, 2 characters
    expect(messages(safeText(2).safeParse("🔐🔑x"))).toEqual(["最多 2 个字符。"]);
  });
  it("is required with min 1, counting the trimmed value", () => {
    expect(messages(safeText(5, { min: 1 }).safeParse("   "))).toEqual(["请填写此项。"]);
    expect(safeText(5).safeParse("").success).toBe(true);
  });
  it("refuses non-strings", () => {
    expect(safeText(5).safeParse(null).success).toBe(false);
  });
});

describe("emailSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailSchema.parse("  Reader@Example.COM ")).toBe("reader@example.com");
  });
  it("refuses invalid and overlong addresses", () => {
    expect(emailSchema.safeParse("not-an-email").success).toBe(false);
    expect(emailSchema.safeParse(`${"a".repeat(250)}@x.cn`).success).toBe(false);
    expect(emailSchema.safeParse("a\0@x.cn").success).toBe(false);
  });
});

describe("newPasswordSchema", () => {
  it("keeps surrounding spaces (never trimmed)", () => {
    expect(newPasswordSchema.parse("  ten chars ")).toBe("  ten chars ");
  });
  it("needs 10 to 128 characters", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("x".repeat(10)).success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(128)).success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(129)).success).toBe(false);
  });
  it("refuses NUL", () => {
    expect(messages(newPasswordSchema.safeParse("password\u0000123"))).toContain(UNSAFE_TEXT_MESSAGE);
  });
});
