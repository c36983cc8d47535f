import { describe, expect, it } from "vitest";
import { csvCell, csvRows, UTF8_BOM } from "./csv";

describe("csvCell (formula injection guard)", () => {
  it.each([
    ['=HYPERLINK("http://evil","点我")', '\'=HYPERLINK("http://evil","点我")'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["\n=1", "'\n=1"],
  ])("prefixes %j with an apostrophe", (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it("leaves ordinary text, inner signs, empty and null alone", () => {
    expect(csvCell("修改站点设置")).toBe("修改站点设置");
    expect(csvCell("a=b, c+d")).toBe("a=b, c+d");
    expect(csvCell(" =1")).toBe(" =1");
    expect(csvCell("")).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
  });
});

describe("csvRows", () => {
  it("quotes commas, quotes and line breaks (RFC 4180), guards each cell, ends rows with CRLF", () => {
    const text = csvRows([
      ["时间", "详情"],
      ['他说 "你好", 然后\r\n换行', "=1+1"],
      ["", "@x"],
    ]);
    expect(text).toBe('时间,详情\r\n"他说 ""你好"", 然后\r\n换行",\'=1+1\r\n,\'@x\r\n');
  });

  it("quotes a guarded cell that also holds a separator", () => {
    expect(csvRows([["=a,b"]])).toBe(`"'=a,b"\r\n`);
  });

  it("has a UTF-8 byte order mark to prepend", () => {
    expect(Buffer.from(UTF8_BOM, "utf8")).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
