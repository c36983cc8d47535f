import { describe, expect, it } from "vitest";
import { pageMetadata } from "./page-metadata";

describe("pageMetadata", () => {
  it("sets title, canonical, Open Graph, Twitter and the feed link together", () => {
    const m = pageMetadata({
      title: "漏洞",
      description: "说明",
      path: "/category/vulnerabilities",
      feed: { path: "/category/vulnerabilities/feed", title: "订阅" },
    });
    expect(m.title).toBe("漏洞");
    expect(m.alternates?.canonical).toBe("/category/vulnerabilities");
    expect(m.alternates?.types).toEqual({
      "application/rss+xml": [{ url: "/category/vulnerabilities/feed", title: "订阅" }],
    });
    expect(m.openGraph).toMatchObject({
      title: "漏洞 · 署名 Byline",
      description: "说明",
      url: "/category/vulnerabilities",
      locale: "zh_CN",
    });
    expect(m.twitter).toMatchObject({ card: "summary", title: "漏洞 · 署名 Byline" });
    expect(m.robots).toBeUndefined();
  });

  it("uses the large card with an image and can keep a page out of indexes", () => {
    const m = pageMetadata({ path: "/search", image: "/media/a.webp", noindex: true });
    expect(m.title).toEqual({ absolute: "署名 Byline · 网络安全资讯与译文" });
    expect(m.twitter).toMatchObject({ card: "summary_large_image", images: ["/media/a.webp"] });
    expect(m.robots).toEqual({ index: false, follow: true });
  });
});
