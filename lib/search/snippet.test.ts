import { describe, expect, it } from "vitest";
import { highlightHtml, snippetHtml } from "./snippet";

describe("search highlighting", () => {
  it("marks every word and escapes everything else", () => {
    expect(highlightHtml("<b>漏洞</b> & Kerberos 漏洞", ["漏洞", "kerberos"])).toBe(
      "&lt;b&gt;<mark>漏洞</mark>&lt;/b&gt; &amp; <mark>Kerberos</mark> <mark>漏洞</mark>",
    );
  });

  it("matches ASCII words whole, CJK words anywhere", () => {
    expect(highlightHtml("Kerberoasting 与 kerberos", ["kerberos"])).toBe(
      "Kerberoasting 与 <mark>kerberos</mark>",
    );
    expect(highlightHtml("利用Kerberos服务", ["kerberos", "服务"])).toBe(
      "利用<mark>Kerberos</mark><mark>服务</mark>",
    );
    expect(highlightHtml("反序列化", ["序列"])).toBe("反<mark>序列</mark>化");
  });

  it("does not treat query words as regular expressions or markup", () => {
    expect(highlightHtml("a.b aXb", ["a.b"])).toBe("<mark>a.b</mark> aXb");
    expect(highlightHtml("x", ["<script>"])).toBe("x");
  });

  it("cuts an excerpt around the first hit, with ellipses", () => {
    const text = "甲".repeat(200) + "勒索软件" + "乙".repeat(200);
    const html = snippetHtml([text], ["勒索"], 60);
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain("<mark>勒索</mark>软件");
  });

  it("falls back to the next text, then to the start of the first", () => {
    expect(snippetHtml(["正文没有", "导语里有漏洞"], ["漏洞"])).toBe("导语里有<mark>漏洞</mark>");
    expect(snippetHtml(["", "<i>导语</i>"], ["无关"], 4)).toBe("&lt;i&gt;导…");
  });
});
