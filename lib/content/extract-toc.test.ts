import { describe, expect, it } from "vitest";
import { extractToc, wantsToc } from "./extract-toc";
import { renderArticle } from "./render";

const heading = (level: number, ...content: ReturnType<typeof text>[]) => ({
  type: "heading",
  attrs: { level },
  content,
});
const text = (t: string, marks?: { type: string }[]) => ({ type: "text", text: t, marks });

describe("extractToc", () => {
  it("gives back heading text that looks like an entity exactly as typed, and never throws on it", () => {
    // "&#99999999;" was stored as "&amp;#99999999;", decoded twice, and threw: the article page failed
    const typed = ["补丁 &#99999999; 与 &#x110000;", "a &lt; b &amp;amp; &#0;"];
    const r = renderArticle({ type: "doc", content: typed.map((t) => heading(2, text(t))) });
    expect(extractToc(r.html).map((e) => e.text)).toEqual(typed);
    expect(extractToc('<h2 id="h-1">&#99999999;&#xD800;&#65;</h2>')[0]!.text).toBe("\uFFFD\uFFFDA");
  });

  it("reads back exactly the h2/h3 entries the renderer produced", () => {
    const r = renderArticle({
      type: "doc",
      content: [
        heading(2, text("背景")),
        { type: "paragraph", content: [text("正文")] },
        heading(3, text("利用 "), text("CVE-2024-1234", [{ type: "code" }]), text(" 的细节")),
        heading(4, text("附录")),
        heading(2, text("A & B <script>")),
      ],
    });
    expect(extractToc(r.html)).toEqual(r.toc.filter((t) => t.level <= 3));
    expect(extractToc(r.html).map((t) => t.text)).toEqual([
      "背景",
      "利用 CVE-2024-1234 的细节",
      "A & B <script>",
    ]);
  });

  it("ignores headings without renderer ids and empty headings", () => {
    expect(extractToc('<h2>no id</h2><h2 id="h-1"></h2><h3 id="h-2">ok</h3>')).toEqual([
      { id: "h-2", level: 3, text: "ok" },
    ]);
  });
});

describe("wantsToc", () => {
  const toc = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `h-${i + 1}`, level: 2, text: "x" }));
  it("shows a contents box for long, sectioned articles only", () => {
    expect(wantsToc(toc(3), 100)).toBe(true);
    expect(wantsToc(toc(2), 3000)).toBe(true);
    expect(wantsToc(toc(2), 500)).toBe(false);
    expect(wantsToc(toc(1), 10_000)).toBe(false);
  });
});
