import Parser from "rss-parser";
import { expect, test } from "@playwright/test";

const parser = new Parser({ customFields: { item: ["content:encoded", "dc:creator"] } });

test.describe("RSS feeds", () => {
  test("/feed is RSS 2.0 with full content and absolute links", async ({ request }) => {
    const res = await request.get("/feed");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe("署名 Byline");
    expect(feed.items.length).toBe(20);
    for (const item of feed.items) {
      expect(item.link).toMatch(/^https?:\/\/[^/]+\/posts\/[\w-]+$/);
      expect(item.guid).toBe(item.link);
      expect(item["content:encoded"]).toMatch(/<p>/);
      expect(item["dc:creator"]).toBeTruthy();
      expect(item.pubDate).toBeTruthy();
    }
    // newest first
    const dates = feed.items.map((i) => Date.parse(i.pubDate!));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  test("a category feed only carries that category; unknown categories are 404", async ({ request }) => {
    const feed = await parser.parseString(await (await request.get("/category/vulnerabilities/feed")).text());
    expect(feed.title).toBe("署名 Byline · 漏洞");
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) expect(item.categories).toEqual(["漏洞"]);
    expect((await request.get("/category/no-such-category/feed")).status()).toBe(404);
  });
});
