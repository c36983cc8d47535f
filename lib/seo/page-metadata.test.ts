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
    expect(m.description).toBe("说明");
    expect(m.openGraph).toMatchObject({ url: "/category/vulnerabilities", locale: "zh_CN" });
    // the site name comes from the root layout's template (站点设置); Next.js copies the resolved
    // title into og:title and twitter:title, so none is written here
    expect(m.openGraph).not.toHaveProperty("title");
    expect(m.openGraph).not.toHaveProperty("siteName");
    expect(m.twitter).toMatchObject({ card: "summary" });
    expect(m.twitter).not.toHaveProperty("title");
    expect(m.robots).toBeUndefined();
  });

  it("uses the large card with an image and can keep a page out of indexes", () => {
    const m = pageMetadata({ path: "/search", image: "/media/a.webp", noindex: true });
    // no title or description: the root layout's default title and site description apply
    expect(m).not.toHaveProperty("title");
    expect(m).not.toHaveProperty("description");
    expect(m.twitter).toMatchObject({ card: "summary_large_image", images: ["/media/a.webp"] });
    expect(m.robots).toEqual({ index: false, follow: true });
  });
});
