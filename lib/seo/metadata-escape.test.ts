import { parseDocument } from "htmlparser2";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleJsonLd } from "@/app/(public)/posts/[publicId]/article-json-ld";
import { articleMetadata } from "@/app/(public)/posts/[publicId]/article-metadata";
import { elementsOf } from "@/lib/feed/html-check";
import type { PublicArticle } from "@/lib/services/public/get-public-article";
import { pageMetadata } from "./page-metadata";

/**
 * Metadata and JSON-LD with hostile names and titles. Next.js renders metadata as React elements
 * (<title>, <meta content>), so what this code owns is the value: one clean line. The render
 * below is the same React escaping Next.js relies on, checked with an HTML parser.
 */
const IMG = "<img src=x onerror=alert(1)>";
const HOSTILE = `${IMG} ]]> </script><!-- "q" 'a' & &amp;\r\n\u2028\u000b\u001b[2J 完`;
const ONE_LINE = `${IMG} ]]> </script><!-- "q" 'a' & &amp; [2J 完`;
const person = {
  id: "u1",
  publicId: "abc12",
  displayName: HOSTILE.slice(0, 32),
  avatarUrl: null,
  bio: HOSTILE,
};
const article: PublicArticle = {
  id: "a1",
  publicId: "p1x2y",
  title: HOSTILE,
  lede: HOSTILE,
  bodyHtml: "<p>正文</p>",
  bodyLength: 2,
  coverUrl: null,
  coverSrcset: "",
  coverAlt: null,
  coverCaption: null,
  publishedAt: new Date("2026-11-01T04:00:00Z"),
  updatedAt: new Date("2026-11-02T04:00:00Z"),
  viewCount: 3,
  seoTitle: null,
  seoDescription: null,
  category: { id: 1, slug: "news", name: HOSTILE },
  author: person,
  translator: person,
  tags: [{ id: 1, slug: "apt", name: HOSTILE }],
  corrections: [{ id: "c1", kind: "CORRECTION", note: HOSTILE, createdAt: new Date("2026-11-03T00:00:00Z") }],
  source: {
    url: "https://example.com/x",
    title: HOSTILE,
    author: HOSTILE,
    site: HOSTILE,
    language: "en",
    publishedAt: null,
  },
};

/** <title> and <meta> as Next.js writes them, parsed back: exactly these elements, values intact. */
function renderHead(title: string, description: string) {
  const html = renderToStaticMarkup(
    createElement(
      Fragment,
      null,
      createElement("title", null, title),
      createElement("meta", { name: "description", content: description }),
      createElement("meta", { property: "og:title", content: title }),
    ),
  );
  expect(elementsOf(html)).toEqual(["title", "meta", "meta"]);
  const [t, d, og] = parseDocument(html).children as unknown as {
    attribs: Record<string, string>;
    children: { data: string }[];
  }[];
  return {
    title: t!.children.map((c) => c.data).join(""),
    description: d!.attribs.content,
    ogTitle: og!.attribs.content,
  };
}

describe("page metadata with hostile text", () => {
  it("pageMetadata makes every text one clean line, bounded", () => {
    const m = pageMetadata({
      title: HOSTILE,
      description: HOSTILE.repeat(10),
      path: "/member/x",
      feed: { path: "/member/x/feed", title: HOSTILE },
    });
    expect(m.title).toBe(ONE_LINE);
    expect(Array.from(m.description!).length).toBeLessThanOrEqual(200);
    expect(m.description).not.toMatch(/[\r\n\u2028\u000b\u001b]/);
    expect(m.alternates?.types).toEqual({
      "application/rss+xml": [{ url: "/member/x/feed", title: ONE_LINE }],
    });
    expect(renderHead(m.title as string, m.description!)).toEqual({
      title: ONE_LINE,
      description: m.description,
      ogTitle: ONE_LINE,
    });
  });

  it("articleMetadata does the same for titles, ledes, names and tags", () => {
    const m = articleMetadata(article);
    expect(m.title).toBe(ONE_LINE);
    expect(m.description).toBe(ONE_LINE);
    expect(m.keywords).toEqual([ONE_LINE]);
    expect(m.authors).toEqual([expect.objectContaining({ name: HOSTILE.slice(0, 32) })]);
    expect(m.openGraph).toMatchObject({ section: ONE_LINE, tags: [ONE_LINE] });
    expect(renderHead(m.title as string, m.description!)).toMatchObject({
      title: ONE_LINE,
      description: ONE_LINE,
    });
  });
});

describe("article JSON-LD with hostile text", () => {
  it("stays one script element whose JSON carries the text", () => {
    const html = renderToStaticMarkup(createElement(ArticleJsonLd, { article }));
    expect(elementsOf(html)).toEqual(["script"]);
    const script = parseDocument(html).children[0] as unknown as {
      attribs: Record<string, string>;
      children: { data: string }[];
    };
    expect(script.attribs).toEqual({ type: "application/ld+json" });
    const body = script.children.map((c) => c.data).join("");
    expect(body).not.toMatch(/[<>&\u2028\u2029]/);
    const ld = JSON.parse(body);
    expect(ld.headline).toBe(ONE_LINE);
    expect(ld.description).toBe(ONE_LINE);
    expect(ld.articleSection).toBe(ONE_LINE);
    expect(ld.keywords).toBe(ONE_LINE);
    expect(ld.author[0].name).toBe(HOSTILE.slice(0, 32));
    expect(ld.isBasedOn).toMatchObject({
      headline: ONE_LINE,
      author: { name: ONE_LINE },
      publisher: { name: ONE_LINE },
    });
  });

  it("cuts the headline at a character boundary, never inside a surrogate pair", () => {
    const ld = JSON.parse(
      renderToStaticMarkup(
        createElement(ArticleJsonLd, { article: { ...article, title: "😀".repeat(200) } }),
      ).replace(/^<script[^>]*>|<\/script>$/g, ""),
    );
    expect(ld.headline).toBe(`${"😀".repeat(109)}…`);
    expect(ld.headline.isWellFormed()).toBe(true);
  });
});
