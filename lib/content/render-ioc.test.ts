import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { normalizeTiptapDoc } from "@/lib/services/articles/body-schema";
import type { IocItem } from "@/lib/ioc/types";
import { plainText } from "./plain-text";
import { renderArticle } from "./render";
import { sanitizeArticleHtml } from "./sanitize";

const block = (items: unknown[]): JSONContent => ({ type: "iocBlock", attrs: { items } });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const row = (type: string, value: string, extra: Partial<IocItem> = {}) => ({
  type,
  value,
  context: "",
  malicious: true,
  ...extra,
});
const saved = (d: JSONContent) => {
  const n = normalizeTiptapDoc(d);
  if ("error" in n) throw new Error(n.error);
  return renderArticle(n.doc);
};

describe("IOC blocks: rendering", () => {
  const items = [
    row("url", "https://evil.example/gate.php?a=1&b=2", { context: "<img src=x onerror=alert(1)>" }),
    row("domain", "例子.中国"),
    row("ipv6", "2001:db8::1"),
    row("email", "phish@evil.example"),
    row("ipv4", "192.0.2.1", { malicious: false, context: "合法的 DNS" }),
    row("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
  ];
  const { html, text } = saved(doc(block(items)));

  it("renders a table of defanged values in <code> with a copy button per row, and no link", () => {
    expect(html).toContain(
      '<div class="ioc-block"><table><thead><tr><th>类型</th><th>指标</th><th>说明</th><th>性质</th></tr></thead>',
    );
    expect(html).toContain(
      '<code>hxxps://evil[.]example/gate.php?a=1&amp;b=2</code> <button type="button" data-ioc-copy="https://evil.example/gate.php?a=1&amp;b=2">复制</button>',
    );
    expect(html).toContain("<code>例子[.]中国</code>");
    expect(html).toContain("<code>2001[:]db8[:][:]1</code>");
    expect(html).toContain("<code>phish[@]evil[.]example</code>");
    // benign: the value as it is, still text, still no link
    expect(html).toContain(
      '<code>192.0.2.1</code> <button type="button" data-ioc-copy="192.0.2.1">复制</button></td><td>合法的 DNS</td><td>良性</td>',
    );
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("is a fixed point of the sanitiser, which allows no other div or button", () => {
    expect(sanitizeArticleHtml(html)).toBe(html);
    expect(
      sanitizeArticleHtml(
        '<div class="x ioc-block" onclick="a()" id="y"><button type="submit" formaction="javascript:a()" data-x="1" data-ioc-copy="v">b</button></div>',
      ),
    ).toBe('<div class="ioc-block"><button type="button" data-ioc-copy="v">b</button></div>');
  });

  it("puts the defanged values into the plain text (search, feeds)", () => {
    expect(text).toContain("URL hxxps://evil[.]example/gate.php?a=1&b=2 <img src=x onerror=alert(1)>");
    expect(text).toContain("域名 例子[.]中国");
    expect(text).toContain("IPv4 地址 192.0.2.1 合法的 DNS");
    expect(text).not.toContain("https://evil.example");
    expect(
      plainText(
        doc({ type: "paragraph", content: [{ type: "text", text: "前" }] }, block(items.slice(1, 2))),
      ),
    ).toBe("前\n域名 例子[.]中国");
  });

  it("renders an empty block as nothing", () => {
    expect(saved(doc(block([]))).html).toBe("");
  });
});

describe("IOC blocks: validation on save", () => {
  const problem = (items: unknown) => {
    const n = normalizeTiptapDoc(doc(block(items as unknown[])));
    return "error" in n ? n.error : null;
  };

  it("accepts valid rows", () => {
    expect(problem([row("domain", "evil.example"), row("cve", "CVE-2024-3094")])).toBeNull();
  });

  it("refuses an invalid row with a zh-CN message naming it", () => {
    expect(problem([row("domain", "evil.example"), row("ipv4", "999.1.1.1")])).toMatch(
      /^IOC 区块第 2 行：不是有效的IPv4 地址/,
    );
    expect(problem([row("url", "javascript:alert(1)")])).toMatch(/第 1 行：不是有效的URL/);
  });

  it("refuses hostile values: HTML, NUL, 10,000 characters, extra keys, wrong types", () => {
    for (const items of [
      [row("filename", "<script>alert(1)</script>.exe")],
      [row("domain", "evil.example\u0000")],
      [row("url", `https://evil.example/${"a".repeat(10_000)}`)],
      [row("domain", "evil.example", { context: "a\u0000" })],
      [row("domain", "evil.example", { context: "说".repeat(501) })],
      [{ ...row("domain", "evil.example"), onclick: "x" }],
      [row("script", "evil.example")],
      [{ ...row("domain", "evil.example"), malicious: "yes" }],
      "not a list",
      Array.from({ length: 501 }, (_, i) => row("ipv4", `10.0.${i >> 8}.${i & 255}`)),
    ])
      expect(problem(items), JSON.stringify(items).slice(0, 60)).toMatch(/IOC 区块|[\u4e00-\u9fff]/);
    expect(problem([row("domain", "evil.example\u0000")])).toMatch(/第 1 行/);
  });
});
