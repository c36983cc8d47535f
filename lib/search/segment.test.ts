import { describe, expect, it } from "vitest";
import { segmentForIndex, segmentQuery } from "./segment";

describe("segmentation", () => {
  it("indexes whole words and their parts, lower-cased", () => {
    const tokens = segmentForIndex("攻击者利用反序列化漏洞攻击Kerberos服务").split(" ");
    expect(tokens).toEqual(expect.arrayContaining(["利用", "序列", "序列化", "漏洞", "攻击", "kerberos"]));
  });

  it("finds every query word among the index tokens of a text containing the query", () => {
    const text = "研究人员发现该组件存在反序列化漏洞，攻击者可远程执行代码，并利用Kerberoasting横向移动。";
    const tokens = new Set(segmentForIndex(text).split(" "));
    for (const q of ["反序列化", "漏洞", "远程执行", "执行代码", "横向移动", "kerberoasting"]) {
      for (const word of segmentQuery(q)) expect(tokens, `${q} → ${word}`).toContain(word);
    }
  });

  it("drops punctuation and tsquery syntax from queries", () => {
    expect(segmentQuery("漏洞 & (利用) | !'")).toEqual(["漏洞", "利用"]);
    expect(segmentQuery("   ")).toEqual([]);
  });
});
