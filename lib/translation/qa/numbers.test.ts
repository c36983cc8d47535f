import { describe, expect, it } from "vitest";
import { arabicNumbers, parseChineseNumber } from "./numbers";

describe("parseChineseNumber", () => {
  it.each([
    ["三", 3],
    ["十", 10],
    ["十二", 12],
    ["二十五", 25],
    ["一百", 100],
    ["一百零五", 105],
    ["两千", 2000],
    ["三千五百", 3500],
    ["十二万三千", 123000],
    ["一亿两千万", 120000000],
    ["二〇二四", 2024],
  ])("%s is %d", (run, value) => {
    expect(parseChineseNumber(run)).toBe(value);
  });
});

describe("arabicNumbers", () => {
  it.each([
    ["1,234 accounts", [1234]],
    ["1.2 million", [1200000]],
    ["$3.5 billion", [3500000000]],
    ["$4.5M and 20K", [4500000, 20000]],
    ["1.2亿 and 3万", [120000000, 30000]],
    ["the 3rd and 21st", [3, 21]],
    ["5GB, 2FA, APT29, Log4j, x86", []],
    ["2020-2024", [2020, 2024]],
  ])("%s", (text, values) => {
    expect(arabicNumbers(text).map((n) => n.value)).toEqual(values);
  });
});
