import { describe, expect, it } from "vitest";
import { queryText } from "./query-text";

/** What a browser sends for `?t=<value>` in an href: the URL parser's own encoding. */
const sent = (value: string) => new URL(`https://example.com/s?t=${value}`).search;

describe("queryText", () => {
  it("leaves Chinese as it is and encodes ASCII as encodeURIComponent does", () => {
    expect(queryText("漏洞 A&B=1#x+%")).toBe("漏洞%20A%26B%3D1%23x%2B%25");
  });

  it("makes the browser send exactly what encodeURIComponent would", () => {
    for (const title of [
      "VPN 网关零日漏洞遭大规模利用，厂商发布紧急补丁（合订）",
      `引号"'<>\\ 与 emoji 🔥 和全角　空格`,
      "a\u0000b\u007f\u0085\u2028\u202e",
      "?&title=evil#frag",
    ])
      expect(sent(queryText(title))).toBe(sent(encodeURIComponent(title)));
  });

  it("cannot end the query or start a fragment", () => {
    const q = queryText("x&url=https://evil.example/#y");
    expect(q).not.toMatch(/[&#=?/:]/);
  });

  it("turns an unpaired surrogate into U+FFFD instead of throwing", () => {
    expect(queryText("a\uD800b")).toBe("a\uFFFDb");
    expect(sent(queryText("\uDC00"))).toBe(sent(encodeURIComponent("\uFFFD")));
  });
});
