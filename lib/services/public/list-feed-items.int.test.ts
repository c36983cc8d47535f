import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { renderRss } from "@/lib/feed/rss";
import { createArticle, createCategory, createUser, paragraphs } from "@/lib/test/factories";
import { listFeedItems } from "./list-feed-items";

describe("RSS feed", () => {
  it("serves a body stored by an older renderer rendered and sanitised again, never as stored", async () => {
    const category = await createCategory();
    const a = await createArticle({ categoryId: category.id, body: paragraphs("订阅里的正文。") });
    await db.article.update({
      where: { id: a.id },
      data: { bodyHtml: "<p>旧版</p><img src=x onerror=alert(1)>", renderVersion: 1 },
    });
    const [item] = await listFeedItems({ categoryId: category.id });
    expect(item?.bodyHtml).toContain("订阅里的正文。");
    expect(item?.bodyHtml).not.toMatch(/onerror|旧版/);
    expect(Object.keys(item ?? {})).not.toContain("renderVersion");
  });

  it("renders RSS 2.0 with full content that rss-parser reads back", async () => {
    const category = await createCategory();
    const author = await createUser({ role: "EDITOR", displayName: "胡金鱼" });
    const translator = await createUser({ role: "TRANSLATOR", displayName: "译者甲" });
    const a = await createArticle({
      categoryId: category.id,
      authorId: author.id,
      translatorId: translator.id,
      title: "警方查获加密聊天服务 & <更多>",
      lede: "导语：执法行动。",
      body: paragraphs("第一段正文。", "第二段提到 <script> 字样。"),
    });
    await createArticle({ categoryId: category.id, status: "DRAFT" });

    const items = await listFeedItems({ categoryId: category.id });
    const xml = renderRss(
      {
        title: `署名 Byline · ${category.name}`,
        description: "测试",
        path: `/category/${category.slug}`,
        feedPath: `/category/${category.slug}/feed`,
      },
      items,
    );
    const feed = await new Parser({ customFields: { item: ["content:encoded", "dc:creator"] } }).parseString(
      xml,
    );

    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(feed.items).toHaveLength(1);
    const item = feed.items[0]!;
    expect(item.title).toBe("警方查获加密聊天服务 & <更多>");
    expect(item.link).toMatch(new RegExp(`^https?://[^/]+/posts/${a.publicId}$`));
    expect(item.guid).toBe(item.link);
    expect(item["content:encoded"]).toContain("<p>第一段正文。</p>");
    expect(item["content:encoded"]).not.toContain("<script>");
    expect(item["dc:creator"]).toBe("胡金鱼、译者甲（译）");
    expect(item.categories).toEqual([category.name]);
    expect(new Date(item.pubDate!).getTime()).toBe(
      a.publishedAt!.getTime() - (a.publishedAt!.getTime() % 1000),
    );
    expect(feed.link).toMatch(/^https?:\/\/.+\/category\//);
  });
});
