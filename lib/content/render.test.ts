import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { renderArticle, RENDER_BUDGET_MESSAGE } from "./render";
import { sanitizeArticleHtml } from "./sanitize";

const doc = (...content: object[]) => ({ type: "doc", content });
const p = (text: string, marks?: object[]) => ({
  type: "paragraph",
  content: [{ type: "text", text, marks }],
});
const cell = (attrs: object = {}) => ({ type: "tableCell", attrs, content: [p("格")] });
const table = (...rows: object[][]) => ({
  type: "table",
  content: rows.map((content) => ({ type: "tableRow", content })),
});
const media = `/media/ab/${"c".repeat(64)}.webp`;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("INVALID");
    return (e as AppError).message;
  }
  throw new Error("expected a refusal");
}

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
      doc({
        type: "codeBlock",
        attrs: { language: "python" },
        content: [{ type: "text", text: "import os\nprint('<b>')" }],
      }),
    );
    expect(r.html).toContain('<pre><code class="language-python">');
    expect(r.html).toContain('<span class="hljs-keyword">import</span>');
    expect(r.html).toContain("&lt;b&gt;");
    expect(r.html).not.toContain("<b>");
  });

  it("renders figures with alt text and a real caption", () => {
    const r = renderArticle(
      doc({ type: "figure", attrs: { src: media, alt: "拓扑图", caption: "图1 攻击链" } }),
    );
    expect(r.html).toMatch(
      /<figure><img src="\/media\/ab\/c{64}\.webp" alt="拓扑图"[^>]*\/?><figcaption>图1 攻击链<\/figcaption><\/figure>/,
    );
  });

  it("refuses javascript: links and external or script image sources before rendering", () => {
    expect(
      refusal(() =>
        renderArticle(doc(p("点我", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))),
      ),
    ).toContain("链接地址");
    expect(
      refusal(() => renderArticle(doc({ type: "figure", attrs: { src: "javascript:alert(1)" } }))),
    ).toContain("上传到本站");
    expect(
      refusal(() => renderArticle(doc({ type: "figure", attrs: { src: "https://example.com/a.png" } }))),
    ).toContain("上传到本站");
  });

  it("escapes markup in attrs, so a quote cannot open an event handler", () => {
    const r = renderArticle(
      doc({
        type: "figure",
        attrs: { src: media, alt: 'x" onerror="alert(1)', caption: "<script>alert(1)</script>" },
      }),
    );
    expect(r.html).not.toMatch(/<script/i);
    expect(r.html).not.toMatch(/\sonerror="/i);
    expect(r.html).toContain('alt="x&quot; onerror=');
  });

  it("marks every link nofollow and extracts plain text per block", () => {
    const r = renderArticle(
      doc(p("原文", [{ type: "link", attrs: { href: "https://example.com/x" } }]), p("第二段")),
    );
    expect(r.html).toContain('rel="noopener noreferrer nofollow"');
    expect(r.text).toBe("原文\n第二段");
  });

  it("renders a table without a <colgroup>: a colspan never multiplies the output", () => {
    const r = renderArticle(
      doc(table([cell({ colspan: 50 })], [cell({ colspan: 25 }), cell({ colspan: 25 })])),
    );
    expect(r.html).not.toMatch(/<col/);
    expect(r.html).toContain('<td colspan="50">');
    expect(r.html.length).toBeLessThan(300);
  });

  it("refuses (INVALID, zh-CN) a document past a limit instead of rendering it: the colspan bomb of issue 8", () => {
    expect(refusal(() => renderArticle(doc(table([cell({ colspan: 2_000_000_000 })]))))).toContain(
      "最多合并 50 列",
    );
    expect(refusal(() => renderArticle(doc(table(Array.from({ length: 51 }, () => cell())))))).toContain(
      "表格过大",
    );
    expect(refusal(() => renderArticle(doc(p("a\u0000b"))))).toContain("无法识别的字符");
  });

  it("fails closed past the output or time budget, with the zh-CN message", () => {
    const text = doc(p("<".repeat(1_000))); // 4,000 bytes of output, escaped
    expect(renderArticle(text, { maxHtmlBytes: 5_000, timeMs: 60_000 }).html.length).toBeGreaterThan(4_000);
    expect(refusal(() => renderArticle(text, { maxHtmlBytes: 3_000, timeMs: 60_000 }))).toBe(
      RENDER_BUDGET_MESSAGE,
    );
    // a budget already spent when the first node is rendered
    expect(refusal(() => renderArticle(text, { maxHtmlBytes: 5_000, timeMs: -1 }))).toBe(
      RENDER_BUDGET_MESSAGE,
    );
  });

  it("highlights code up to the allowance and shows the rest as plain escaped text", () => {
    const block = (text: string) => ({
      type: "codeBlock",
      attrs: { language: "javascript" },
      content: [{ type: "text", text }],
    });
    const code = "const a = 1;\n".repeat(1_000); // 13,000 characters
    const r = renderArticle(doc(block(code), block(code)));
    const [first, second] = r.html.split("</pre>");
    expect(first).toContain('<span class="hljs-keyword">const</span>');
    expect(second).not.toContain("hljs");
    expect(second).toContain("const a = 1;");
  });
});

describe("sanitizeArticleHtml (the second wall, for HTML that did not come from the renderer)", () => {
  it("drops script, event handlers, style, javascript: and external image sources", () => {
    const html = sanitizeArticleHtml(
      `<p style="x" onclick="a()">t<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src="https://evil.example/a.png" onerror="x()"><img src="${media}"><img src="//evil.example${media}">`,
    );
    expect(html).not.toMatch(/<script|onclick|onerror|style=|javascript:|evil\.example/i);
    expect(html).toContain(`<img src="${media}" />`);
  });
});
