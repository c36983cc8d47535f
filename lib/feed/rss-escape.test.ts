import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { renderRss, type RssItem } from "./rss";
import { dangerousAttributesOf, elementsOf, textOf } from "./html-check";
import { assertWellFormedXml } from "./xml-well-formed";

const parser = new Parser({ customFields: { item: ["content:encoded", "dc:creator"] } });
const channel = { title: "署名", description: "d", path: "/", feedPath: "/feed" };
const item: RssItem = {
  publicId: "abc12",
  title: "t",
  lede: "",
  bodyHtml: "<p>正文</p>",
  publishedAt: new Date("2026-03-01T04:00:00Z"),
  categoryName: "漏洞",
  authorName: "作者",
  translatorName: null,
};

async function first(it: Partial<RssItem>) {
  const xml = renderRss(channel, [{ ...item, ...it }]);
  assertWellFormedXml(xml);
  return { xml, item: (await parser.parseString(xml)).items[0]! };
}

describe("RSS escaping (issue 8 finding 2)", () => {
  it("a lede with markup reaches the reader as text, not as an element", async () => {
    const lede = "<img src=x onerror=alert(1)>";
    const { item: got } = await first({ lede });
    expect(elementsOf(got.content!)).toEqual([]);
    expect(dangerousAttributesOf(got.content!)).toEqual([]);
    expect(textOf(got.content!)).toBe(lede);
  });

  it("CDATA terminators and script-closing sequences stay text in every field", async () => {
    const evil = "a]]>b]]><x/>c</script><!--d&amp;e&";
    const { item: got } = await first({
      title: evil,
      lede: evil,
      categoryName: evil,
      authorName: evil,
      translatorName: evil,
    });
    expect(got.title).toBe(evil);
    expect(textOf(got.content!)).toBe(evil);
    expect(elementsOf(got.content!)).toEqual([]);
    expect(got.categories).toEqual([evil]);
    expect(got["dc:creator"]).toBe(`${evil}、${evil}（译）`);
  });

  it("keeps the body's own (sanitised) markup and makes it survive ]]> in attributes", async () => {
    const bodyHtml = '<p title="]]>x]]>">一<a href="/posts/x">二</a></p>';
    const { item: got } = await first({ bodyHtml });
    const body = got["content:encoded"] as string;
    expect(elementsOf(body)).toEqual(["p", "a"]);
    expect(body).toMatch(/href="https?:\/\/[^"]+\/posts\/x"/);
    expect(body).toContain('title="]]>x]]>"');
  });

  it("drops characters XML cannot carry instead of breaking the whole feed", async () => {
    const { item: got } = await first({
      title: "a\u0000b\u000bc\u001fd\uffffe\ud800f\u2028g",
      lede: "x\u0001y",
    });
    // a title is one line of text: controls dropped, separators and runs of space folded
    expect(got.title).toBe("abcde\ufffdf g");
    expect(textOf(got.content!)).toBe("xy");
  });
});
