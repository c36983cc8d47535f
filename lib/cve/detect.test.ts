import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { detectCves, findCveIds } from "./detect";
import { normaliseCveId } from "./id";

const NOW = new Date("2026-12-02T00:00:00Z");
const ids = (text: string) => findCveIds(text, NOW).map((m) => m.id);

describe("findCveIds: plain text", () => {
  it.each<[string, string[]]>([
    ["CVE-2024-3094", ["CVE-2024-3094"]],
    ["xz 后门 CVE-2024-3094 影响广泛", ["CVE-2024-3094"]],
    ["cve-2024-3094", ["CVE-2024-3094"]],
    ["Cve-2021-44228", ["CVE-2021-44228"]],
    ["ＣＶＥ－２０２４－３０９４", ["CVE-2024-3094"]],
    ["漏洞ＣＶＥ-2024-３０９４已修复", ["CVE-2024-3094"]],
    ["ｃｖｅ－２０２１－４４２２８", ["CVE-2021-44228"]],
    // sequence lengths: four (with leading zeros), five, six, seven
    ["CVE-2014-0160", ["CVE-2014-0160"]],
    ["CVE-2021-44228", ["CVE-2021-44228"]],
    ["CVE-2023-123456", ["CVE-2023-123456"]],
    ["CVE-2024-1234567", ["CVE-2024-1234567"]],
    // too short, too long, a leading zero on a long sequence
    ["CVE-2024-123", []],
    ["CVE-2024-12345678", []],
    ["CVE-2024-01234", []],
    ["CVE-24-3094", []],
    ["CVE-20244-3094", []],
    // year bounds: 1999 .. next year
    ["CVE-1999-0001", ["CVE-1999-0001"]],
    ["CVE-1998-0001", []],
    ["CVE-2027-0001", ["CVE-2027-0001"]],
    ["CVE-2028-0001", []],
    ["CVE-0000-0000", []],
    // punctuation around an id, ASCII and Chinese
    ["(CVE-2024-3094)", ["CVE-2024-3094"]],
    ["（CVE-2024-3094）", ["CVE-2024-3094"]],
    ["CVE-2024-3094、CVE-2021-44228", ["CVE-2024-3094", "CVE-2021-44228"]],
    ["CVE-2024-3094，CVE-2021-44228。", ["CVE-2024-3094", "CVE-2021-44228"]],
    ["编号：CVE-2024-3094", ["CVE-2024-3094"]],
    ["编号:CVE-2024-3094;", ["CVE-2024-3094"]],
    ["“CVE-2024-3094”", ["CVE-2024-3094"]],
    ['"CVE-2024-3094"', ["CVE-2024-3094"]],
    ["[CVE-2024-3094]", ["CVE-2024-3094"]],
    ["《CVE-2024-3094》", ["CVE-2024-3094"]],
    ["CVE-2024-3094.", ["CVE-2024-3094"]],
    ["CVE-2024-3094!", ["CVE-2024-3094"]],
    ["CVE-2024-3094, CVE-2024-3094", ["CVE-2024-3094", "CVE-2024-3094"]],
    // part of a longer token
    ["XCVE-2024-3094", []],
    ["CVE-2024-3094a", []],
    ["CVE-2024-3094-patch", []],
    ["my_CVE-2024-3094", []],
    ["CVE-2024-3094_fix", []],
    ["1CVE-2024-3094", []],
    ["CVE 2024 3094", []],
    ["CVE_2024_3094", []],
    // inside URLs and paths written as text
    ["https://nvd.nist.gov/vuln/detail/CVE-2024-3094", []],
    ["见 http://example.com/?id=CVE-2024-3094 。", []],
    ["www.cve.org/CVERecord?id=CVE-2024-3094", []],
    ["nvd.nist.gov/vuln/detail/CVE-2024-3094", []],
    ["?q=CVE-2024-3094", []],
    ["https://example.com/a CVE-2024-3094", ["CVE-2024-3094"]],
    ["https://example.com/a，CVE-2024-3094", ["CVE-2024-3094"]],
    ["", []],
    ["no ids here", []],
  ])("%s", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("reports offsets in the original (full-width) text", () => {
    const text = "见ＣＶＥ－２０２４－３０９４。";
    const [m] = findCveIds(text, NOW);
    expect(m).toEqual({ id: "CVE-2024-3094", start: 1, end: 14 });
    expect(text.slice(m!.start, m!.end)).toBe("ＣＶＥ－２０２４－３０９４");
  });
});

const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const t = (text: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text, marks });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

describe("detectCves: the article body", () => {
  it("counts an IOC block's CVE rows as mentions, and nothing else in the block", () => {
    const body = doc(p(t("样本分析")), {
      type: "iocBlock",
      attrs: {
        items: [
          { type: "cve", value: "CVE-2024-3400", context: "", malicious: true },
          {
            type: "url",
            value: "https://evil.example/CVE-2023-4863",
            context: "CVE-2021-44228",
            malicious: true,
          },
        ],
      },
    });
    expect(detectCves(body, NOW)).toEqual(["CVE-2024-3400"]);
  });

  it("finds ids in paragraphs, headings, lists, quotes and tables, distinct, in order", () => {
    const body = doc(
      { type: "heading", attrs: { level: 2 }, content: [t("CVE-2021-44228 回顾")] },
      p(t("xz 后门（CVE-2024-3094）与 "), t("CVE-2021-44228", [{ type: "bold" }])),
      {
        type: "bulletList",
        content: [{ type: "listItem", content: [p(t("cve-2023-4863"))] }],
      },
      { type: "blockquote", content: [p(t("CVE-2024-3400"))] },
      {
        type: "table",
        content: [{ type: "tableRow", content: [{ type: "tableCell", content: [p(t("CVE-2023-34362"))] }] }],
      },
    );
    expect(detectCves(body, NOW)).toEqual([
      "CVE-2021-44228",
      "CVE-2024-3094",
      "CVE-2023-4863",
      "CVE-2024-3400",
      "CVE-2023-34362",
    ]);
  });

  it("skips code blocks", () => {
    expect(detectCves(doc({ type: "codeBlock", content: [t("CVE-2024-3094")] }), NOW)).toEqual([]);
  });

  it("skips inline code", () => {
    expect(detectCves(doc(p(t("CVE-2024-3094", [{ type: "code" }]))), NOW)).toEqual([]);
  });

  it("skips text inside an existing link", () => {
    const link = { type: "link", attrs: { href: "https://www.cve.org/" } };
    expect(detectCves(doc(p(t("CVE-2024-3094", [link]))), NOW)).toEqual([]);
  });

  it("keeps an id beside a link or code", () => {
    const link = { type: "link", attrs: { href: "https://example.com/" } };
    const body = doc(p(t("报告", [link]), t(" CVE-2024-3094 "), t("x", [{ type: "code" }])));
    expect(detectCves(body, NOW)).toEqual(["CVE-2024-3094"]);
  });

  it("ignores an id split across text nodes (as the rendered link would be)", () => {
    expect(detectCves(doc(p(t("CVE-2024-"), t("3094", [{ type: "bold" }]))), NOW)).toEqual([]);
  });

  it("returns nothing for an empty document", () => {
    expect(detectCves(doc(), NOW)).toEqual([]);
  });

  it("walks a deep document without recursion", () => {
    let node: JSONContent = p(t("CVE-2024-3094"));
    for (let i = 0; i < 5_000; i++) node = { type: "blockquote", content: [node] };
    expect(detectCves(doc(node), NOW)).toEqual(["CVE-2024-3094"]);
  });
});

describe("normaliseCveId", () => {
  it.each<[string, string | null]>([
    ["CVE-2024-3094", "CVE-2024-3094"],
    ["cve-2024-3094", "CVE-2024-3094"],
    [" ＣＶＥ－２０２４－３０９４ ", "CVE-2024-3094"],
    ["CVE-2024-03094", null],
    ["CVE-2024-3094x", null],
    ["CVE-1998-1234", null],
    ["CVE-2024-3094".repeat(5), null],
    ["<script>", null],
  ])("%s → %s", (input, expected) => {
    expect(normaliseCveId(input, NOW)).toBe(expected);
  });

  it("bounds the year by the clock given; null (a render that may not read the clock) leaves only that out", () => {
    const next = NOW.getUTCFullYear() + 1;
    expect(normaliseCveId(`CVE-${next}-1234`, NOW)).toBe(`CVE-${next}-1234`);
    expect(normaliseCveId(`CVE-${next + 1}-1234`, NOW)).toBeNull();
    expect(normaliseCveId(`cve-${next + 1}-1234`, null)).toBe(`CVE-${next + 1}-1234`);
    expect(normaliseCveId("CVE-1998-1234", null)).toBeNull();
    expect(normaliseCveId("CVE-2024-03094", null)).toBeNull();
  });
});
