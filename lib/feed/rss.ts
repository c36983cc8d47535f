import { Feed } from "feed";
import { absoluteUrl, siteUrl } from "@/lib/site-url";

export type RssItem = {
  publicId: string;
  title: string;
  lede: string;
  bodyHtml: string;
  publishedAt: Date;
  categoryName: string;
  authorName: string | null;
  translatorName: string | null;
};

export type RssChannel = { title: string; description: string; path: string; feedPath: string; copyright?: string };

/**
 * Root-relative src/href in article HTML (uploads, internal links) made absolute: a feed reader
 * resolves them against its own origin otherwise.
 */
export function absolutizeHtml(html: string): string {
  return html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${siteUrl()}/`);
}

const escapeXmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * RSS 2.0 with the full article in content:encoded. Bylines go in dc:creator: RSS's own <author>
 * must be an e-mail address, and we publish none.
 */
export function renderRss(channel: RssChannel, items: RssItem[]): string {
  const feed = new Feed({
    title: channel.title,
    description: channel.description,
    id: absoluteUrl(channel.path),
    link: absoluteUrl(channel.path),
    feedLinks: { rss: absoluteUrl(channel.feedPath) },
    language: "zh-CN",
    copyright: channel.copyright ?? "",
    generator: "Byline",
    ttl: 30,
    // the newest item, not the clock: the output stays the same until the content changes
    updated: items[0]?.publishedAt ?? new Date(0),
  });
  for (const it of items) {
    const link = absoluteUrl(`/posts/${it.publicId}`);
    const creators = [it.authorName, it.translatorName ? `${it.translatorName}（译）` : null].filter(Boolean).join("、");
    feed.addItem({
      title: it.title,
      // no id: the guid is then the permalink (isPermaLink="true")
      link,
      date: it.publishedAt,
      description: it.lede || undefined,
      // never empty: the feed package only declares the dc: namespace when an item has content
      content: absolutizeHtml(it.bodyHtml) || `<p>${escapeXmlText(it.lede || it.title)}</p>`,
      category: [{ name: it.categoryName }],
      extensions: creators ? [{ name: "dc:creator", objects: { _text: creators } }] : undefined,
    });
  }
  return feed.rss2();
}
