import { describe, expect, it } from "vitest";
import type { PublicArticle } from "@/lib/services/public/get-public-article";
import { articleJsonLd, jsonLdText } from "./article-json-ld";
import { articleMetadata } from "./article-metadata";

const person = { id: "u1", publicId: "abc12", displayName: "林雨桐", avatarUrl: null, bio: null };
const base: PublicArticle = {
  id: "a1",
  publicId: "p1x2y",
  title: "标题 </script><script>alert(1)</script>",
  lede: "导语",
  bodyHtml: "<p>正文</p>",
  bodyLength: 2,
  coverUrl: "/media/ab/cover.svg",
  coverSrcset: "",
  coverAlt: "封面",
  coverCaption: null,
  publishedAt: new Date("2026-11-01T04:00:00Z"),
  updatedAt: new Date("2026-11-02T04:00:00Z"),
  viewCount: 3,
  seoTitle: null,
  seoDescription: null,
  category: { id: 1, slug: "news", name: "新闻" },
  author: person,
  translator: null,
  tags: [{ id: 1, slug: "apt", name: "APT" }],
  corrections: [],
  source: null,
};

describe("articleJsonLd", () => {
  it("describes an original as a NewsArticle without isBasedOn", () => {
    const ld = articleJsonLd(base);
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      datePublished: "2026-11-01T04:00:00.000Z",
      dateModified: "2026-11-02T04:00:00.000Z",
      author: [{ "@type": "Person", name: "林雨桐" }],
      publisher: { "@type": "Organization" },
    });
    expect(ld.image?.[0]).toMatch(/^https?:\/\/.+\/media\/ab\/cover\.svg$/);
    expect(ld.isBasedOn).toBeUndefined();
    // the publisher is the site by its 站点设置 name
    expect(articleJsonLd(base, "安全周刊").publisher).toMatchObject({ name: "安全周刊" });
  });

  it("carries the correction log and dates dateModified by its newest entry", () => {
    const corrections = [
      {
        id: "c2",
        kind: "CORRECTION" as const,
        note: "漏洞编号 </script> 已更正",
        createdAt: new Date("2026-11-05T08:00:00Z"),
      },
      {
        id: "c1",
        kind: "UPDATE" as const,
        note: "补充厂商回应",
        createdAt: new Date("2026-11-03T08:00:00Z"),
      },
    ];
    const ld = articleJsonLd({ ...base, corrections });
    expect(ld.dateModified).toBe("2026-11-05T08:00:00.000Z");
    expect(ld.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: "更正：漏洞编号 </script> 已更正",
        datePublished: "2026-11-05T08:00:00.000Z",
      },
      { "@type": "CorrectionComment", text: "更新：补充厂商回应", datePublished: "2026-11-03T08:00:00.000Z" },
    ]);
    // the note cannot end the script element
    expect(jsonLdText({ ...base, corrections })).not.toMatch(/<\/script/i);
    expect(articleJsonLd(base).correction).toBeUndefined();
  });

  it("points a translation at its source with isBasedOn", () => {
    const source = {
      url: "https://example.com/x",
      title: "X",
      author: "Jane",
      site: "Example",
      language: "en",
      publishedAt: new Date("2026-10-30T00:00:00Z"),
    };
    expect(articleJsonLd({ ...base, source, translator: person }).isBasedOn).toMatchObject({
      url: "https://example.com/x",
      headline: "X",
    });
  });
});

describe("jsonLdText", () => {
  it("cannot close its script element, and still parses to the same data", () => {
    const text = jsonLdText(base);
    expect(text).not.toContain("<");
    expect(JSON.parse(text).headline).toBe(base.title);
  });
});

describe("articleMetadata", () => {
  it("sets canonical, Open Graph article fields and a large Twitter card", () => {
    const m = articleMetadata(base);
    expect(m.alternates?.canonical).toBe("/posts/p1x2y");
    expect(m.openGraph).toMatchObject({
      type: "article",
      publishedTime: "2026-11-01T04:00:00.000Z",
      section: "新闻",
      tags: ["APT"],
    });
    expect(m.twitter).toMatchObject({ card: "summary_large_image" });
    expect(m.description).toBe("导语");
  });
});
