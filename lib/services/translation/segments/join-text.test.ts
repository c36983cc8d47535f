import { describe, expect, it } from "vitest";
import { joinText, splitAt } from "./join-text";

describe("joinText", () => {
  it.each([
    ["The gang used an", "infostealer.", "The gang used an infostealer."],
    ["该团伙使用了", "信息窃取程序。", "该团伙使用了信息窃取程序。"],
    ["攻击者利用了", "CVE-2026-1234。", "攻击者利用了CVE-2026-1234。"],
    ["Patch now. ", "  Then reboot.", "Patch now. Then reboot."],
    ["", "只有后半段", "只有后半段"],
    ["只有前半段 ", "", "只有前半段"],
  ])("%j + %j", (a, b, joined) => expect(joinText(a, b)).toBe(joined));
});

describe("splitAt", () => {
  it("splits at a UTF-16 offset and trims the halves", () => {
    expect(splitAt("Hello world", 5)).toEqual(["Hello", "world"]);
    expect(splitAt("你好世界", 0)).toEqual(["", "你好世界"]);
    expect(splitAt("你好世界", 4)).toEqual(["你好世界", ""]);
  });

  it("refuses an offset outside the text or inside a surrogate pair", () => {
    expect(splitAt("abc", 4)).toBeNull();
    expect(splitAt("abc", -1)).toBeNull();
    expect(splitAt("你好😀世界", 3)).toBeNull();
    expect(splitAt("你好😀世界", 4)).toEqual(["你好😀", "世界"]);
  });
});
