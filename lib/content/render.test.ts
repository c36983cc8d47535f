import { describe, expect, it } from "vitest";
import { renderArticle } from "./render";

const doc = (...content: object[]) => ({ type: "doc", content });
const p = (text: string, marks?: object[]) => ({ type: "paragraph", content: [{ type: "text", text, marks }] });

describe("renderArticle", () => {
  it("renders headings with ids and builds the table of contents from them", () => {
    const r = renderArticle(
      doc({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "背景" }] }, p("正文"), {
        type: "heading",
        attrs: { level: 3 },
        content: [{ type: "text", text: "细节" }],
      }),
    );
    expect(r.html).toContain('<h2 id="h-1">背景</h2>');
    expect(r.html).toContain('<h3 id="h-2">细节</h3>');
    expect(r.toc).toEqual([
      { id: "h-1", level: 2, text: "背景" },
      { id: "h-2", level: 3, text: "细节" },
    ]);
  });

  it("highlights code blocks on the server and escapes their content", () => {
    const r = renderArticle(
      doc({ type: "codeBlock", attrs: { language: "python" }, content: [{ type: "text", text: "import os\nprint('<b>')" }] }),
    );
    expect(r.html).toContain('<pre><code class="language-python">');
    expect(r.html).toContain('<span class="hljs-keyword">import</span>');
    expect(r.html).toContain("&lt;b&gt;");
    expect(r.html).not.toContain("<b>");
  });

  it("renders figures with alt text and a real caption", () => {
    const r = renderArticle(doc({ type: "figure", attrs: { src: "https://example.com/a.png", alt: "拓扑图", caption: "图1 攻击链" } }));
    expect(r.html).toMatch(/<figure><img src="https:\/\/example.com\/a.png" alt="拓扑图"[^>]*\/?><figcaption>图1 攻击链<\/figcaption><\/figure>/);
  });

  it("drops javascript: links and event handlers smuggled through attrs", () => {
    const r = renderArticle(
      doc(
        p("点我", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
        { type: "figure", attrs: { src: "javascript:alert(1)", alt: 'x" onerror="alert(1)', caption: "<script>alert(1)</script>" } },
      ),
    );
    expect(r.html).not.toMatch(/javascript:/i);
    expect(r.html).not.toMatch(/<script/i);
    // the quote is escaped, so onerror stays inside the alt text instead of becoming an attribute
    expect(r.html).not.toMatch(/\sonerror="/i);
    expect(r.html).toContain("alt=\"x&quot; onerror=");
  });

  it("marks every link nofollow and extracts plain text per block", () => {
    const r = renderArticle(doc(p("原文", [{ type: "link", attrs: { href: "https://example.com/x" } }]), p("第二段")));
    expect(r.html).toContain('rel="noopener noreferrer nofollow"');
    expect(r.text).toBe("原文\n第二段");
  });
});
