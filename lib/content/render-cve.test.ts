import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { renderArticle } from "./render";

const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const t = (text: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text, marks });
const html = (d: JSONContent) => renderArticle(d).html;

describe("renderArticle: CVE links", () => {
  it("links an id in prose to its canonical page, keeping the author's spelling", () => {
    const out = html(doc(p(t("后门 cve-2024-3094，影响 xz。"))));
    expect(out).toContain(
      '<a href="/cve/CVE-2024-3094" rel="noopener noreferrer nofollow">cve-2024-3094</a>，',
    );
  });

  it("links full-width ids and several per text node", () => {
    const out = html(doc(p(t("ＣＶＥ－２０２４－３０９４、CVE-2021-44228"))));
    expect(out).toContain('href="/cve/CVE-2024-3094"');
    expect(out).toContain(">ＣＶＥ－２０２４－３０９４</a>");
    expect(out).toContain('href="/cve/CVE-2021-44228"');
  });

  it("keeps bold around the link", () => {
    expect(html(doc(p(t("CVE-2021-44228", [{ type: "bold" }]))))).toMatch(
      /<strong><a href="\/cve\/CVE-2021-44228"[^>]*>CVE-2021-44228<\/a><\/strong>/,
    );
  });

  it("leaves code blocks, inline code, links and URLs alone", () => {
    const link = { type: "link", attrs: { href: "https://www.cve.org/CVERecord?id=CVE-2024-3094" } };
    const out = html(
      doc(
        { type: "codeBlock", content: [t("CVE-2024-3094")] },
        p(t("CVE-2024-3400", [{ type: "code" }])),
        p(t("CVE-2023-4863", [link])),
        p(t("https://nvd.nist.gov/vuln/detail/CVE-2023-34362")),
      ),
    );
    expect(out).not.toContain("/cve/");
  });

  it("escapes the text around a link", () => {
    const out = html(doc(p(t("<b>CVE-2024-3094</b>&"))));
    expect(out).toContain("&lt;b&gt;<a");
    expect(out).toContain("</a>&lt;/b&gt;&amp;");
  });
});
