import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { absolutizeHtml, renderRss } from "./rss";

const item = {
  publicId: "abc12",
  title: "标题 & <特殊>",
  lede: "",
  bodyHtml: "",
  publishedAt: new Date("2026-03-01T04:00:00Z"),
  categoryName: "漏洞",
  authorName: null,
  translatorName: null,
};

describe("RSS rendering", () => {
  it("makes root-relative links and images absolute, and leaves the rest alone", () => {
    const html =
      '<a href="/posts/x">a</a><img src="/media/1.webp"><a href="//cdn.example/x">b</a><a href="https://e.com/">c</a>';
    const out = absolutizeHtml(html);
    expect(out).toMatch(/href="https?:\/\/[^"]+\/posts\/x"/);
    expect(out).toMatch(/src="https?:\/\/[^"]+\/media\/1\.webp"/);
    expect(out).toContain('href="//cdn.example/x"');
    expect(out).toContain('href="https://e.com/"');
  });

  it("stays valid without a body, lede or byline", async () => {
    const xml = renderRss({ title: "署名", description: "d", path: "/", feedPath: "/feed" }, [item]);
    const feed = await new Parser({ customFields: { item: ["content:encoded"] } }).parseString(xml);
    expect(feed.items[0]?.title).toBe("标题 & <特殊>");
    expect(feed.items[0]?.["content:encoded"]).toBe("<p>标题 &amp; &lt;特殊&gt;</p>");
    expect(xml).not.toContain("dc:creator");
  });

  it("credits a translation's source: dc:source and a 原文 link after the content", async () => {
    const xml = renderRss({ title: "t", description: "d", path: "/", feedPath: "/feed" }, [
      {
        ...item,
        bodyHtml: "<p>译文</p>",
        sourceUrl: "https://news.example.com/a?x=1&y=<2>",
        sourceTitle: 'Patch "now" <b>',
        sourceSite: "Example News",
      },
    ]);
    const feed = await new Parser({
      customFields: { item: ["content:encoded", "dc:source"] },
    }).parseString(xml);
    const it0 = feed.items[0] as unknown as Record<string, string>;
    expect(it0["dc:source"]).toBe("https://news.example.com/a?x=1&y=%3C2%3E");
    expect(it0["content:encoded"]).toBe(
      '<p>译文</p><p>本文为译文，原文：<a href="https://news.example.com/a?x=1&amp;y=%3C2%3E" rel="nofollow">' +
        "Patch &quot;now&quot; &lt;b&gt;</a>（Example News）</p>",
    );
  });

  it("puts the correction log above the content, each note escaped as text", async () => {
    const xml = renderRss({ title: "t", description: "d", path: "/", feedPath: "/feed" }, [
      {
        ...item,
        bodyHtml: "<p>正文</p>",
        corrections: [
          {
            kind: "CORRECTION",
            note: "版本号 <2.4> 应为 2.3 & ]]>",
            createdAt: new Date("2026-03-02T06:30:00Z"),
          },
          { kind: "SOURCE_UPDATE", note: "原文补充了厂商回应", createdAt: new Date("2026-03-01T10:00:00Z") },
        ],
      },
    ]);
    const feed = await new Parser({ customFields: { item: ["content:encoded"] } }).parseString(xml);
    expect(feed.items[0]?.["content:encoded"]).toBe(
      "<p><strong>更正与更新</strong></p><ul>" +
        "<li>2026-03-02 14:30 <strong>更正</strong>：版本号 &lt;2.4&gt; 应为 2.3 &amp; ]]&gt;</li>" +
        "<li>2026-03-01 18:00 <strong>原文更新</strong>：原文补充了厂商回应</li></ul><p>正文</p>",
    );
    // no entries: the content is the body alone
    const plain = renderRss({ title: "t", description: "d", path: "/", feedPath: "/feed" }, [
      { ...item, bodyHtml: "<p>正文</p>", corrections: [] },
    ]);
    expect(plain).not.toContain("更正与更新");
  });

  it("never turns a non-web source into a link", () => {
    const xml = renderRss({ title: "t", description: "d", path: "/", feedPath: "/feed" }, [
      { ...item, sourceUrl: "javascript:alert(1)" },
    ]);
    expect(xml).not.toContain("dc:source");
    expect(xml).not.toContain("javascript");
  });

  it("dates the channel by its newest item, not by the clock", () => {
    const a = renderRss({ title: "t", description: "d", path: "/", feedPath: "/feed" }, [item]);
    expect(a).toContain(`<lastBuildDate>${item.publishedAt.toUTCString()}</lastBuildDate>`);
  });
});
