import { escapeHtmlAttribute, escapeHtmlText } from "@/lib/escape/html";
import { plainLine } from "@/lib/escape/plain-text";
import { escapeXmlAttribute as attr, escapeXmlText as text } from "@/lib/escape/xml";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { CorrectionKind } from "@/lib/generated/prisma/enums";
import { CORRECTION_KIND_LABELS } from "@/lib/labels";
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
  /** a translation's source: credited in the item like on the article page (译文声明) */
  sourceUrl?: string | null;
  sourceTitle?: string | null;
  sourceSite?: string | null;
  /** the public correction log, newest first: shown above the body as on the article page */
  corrections?: { kind: CorrectionKind; note: string; createdAt: Date }[];
};

export type RssChannel = {
  title: string;
  description: string;
  path: string;
  feedPath: string;
  copyright?: string;
};

/**
 * Root-relative src/href in article HTML (uploads, internal links) made absolute: a feed reader
 * resolves them against its own origin otherwise.
 */
export function absolutizeHtml(html: string): string {
  return html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${siteUrl()}/`);
}

// Written by hand rather than with the `feed` package: feed 6 puts title and description in CDATA
// (readers then take a lede's markup as HTML), escapes only the first "]]>" of a value, turns a
// literal "&amp;" into "&", and passes characters XML forbids. Each field here is one of three
// kinds, and each kind has one escaping path (docs/security.md, "Output escaping"):
//   plain text (title, category, dc:creator)      → escapeXmlText
//   text shown as HTML (description)              → escapeHtmlText, then escapeXmlText
//   sanitised article HTML (content:encoded)      → escapeXmlText
const el = (name: string, value: string) => `<${name}>${text(value)}</${name}>`;
/** A reader renders description as HTML: the plain text is escaped for HTML first, then for XML. */
const htmlOfText = (s: string) => el("description", escapeHtmlText(s));

/** Only a web link may become an href: anything else (javascript:, data:) is not a source. */
const webUrl = (s: string | null | undefined) => {
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
};

/** The provenance paragraph at the end of a translation's content: 原文 link, title and site. */
function sourceNotice(it: RssItem, url: string): string {
  const name = plainLine(it.sourceTitle || it.sourceSite || url);
  const site = it.sourceTitle && it.sourceSite ? `（${escapeHtmlText(plainLine(it.sourceSite))}）` : "";
  return `<p>本文为译文，原文：<a href="${escapeHtmlAttribute(url)}" rel="nofollow">${escapeHtmlText(name)}</a>${site}</p>`;
}

/** 更正与更新 at the top of the content, each note plain text escaped for HTML (then for XML, by el). */
function correctionNotice(list: RssItem["corrections"]): string {
  if (!list?.length) return "";
  const lines = list.map(
    (c) =>
      `<li>${escapeHtmlText(formatDateTime(c.createdAt))} <strong>${CORRECTION_KIND_LABELS[c.kind]}</strong>：${escapeHtmlText(plainLine(c.note))}</li>`,
  );
  return `<p><strong>更正与更新</strong></p><ul>${lines.join("")}</ul>`;
}

function item(it: RssItem): string {
  const link = absoluteUrl(`/posts/${encodeURIComponent(it.publicId)}`);
  const creators = [it.authorName, it.translatorName ? `${it.translatorName}（译）` : null]
    .filter(Boolean)
    .join("、");
  // never empty: a reader showing full text falls back to the lede, then the title
  const body = absolutizeHtml(it.bodyHtml) || `<p>${escapeHtmlText(it.lede || it.title)}</p>`;
  const source = webUrl(it.sourceUrl);
  const content = correctionNotice(it.corrections) + (source ? body + sourceNotice(it, source) : body);
  return [
    "<item>",
    el("title", plainLine(it.title)),
    el("link", link),
    // no id of our own: the guid is the permalink
    `<guid isPermaLink="true">${text(link)}</guid>`,
    el("pubDate", it.publishedAt.toUTCString()),
    it.lede ? htmlOfText(it.lede) : "",
    el("content:encoded", content),
    el("category", it.categoryName),
    // RSS's own <author> must be an e-mail address, and we publish none
    creators ? el("dc:creator", creators) : "",
    // Dublin Core's "a related resource from which the described resource is derived"
    source ? el("dc:source", source) : "",
    "</item>",
  ].join("");
}

/** RSS 2.0 with the full article in content:encoded; bylines in dc:creator. */
export function renderRss(channel: RssChannel, items: RssItem[]): string {
  const link = absoluteUrl(channel.path);
  // the newest item, not the clock: the output stays the same until the content changes
  const updated = items[0]?.publishedAt ?? new Date(0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    el("title", plainLine(channel.title)),
    el("link", link),
    htmlOfText(channel.description),
    el("lastBuildDate", updated.toUTCString()),
    el("docs", "https://validator.w3.org/feed/docs/rss2.html"),
    el("generator", "Byline"),
    el("language", "zh-CN"),
    el("ttl", "30"),
    channel.copyright ? el("copyright", channel.copyright) : "",
    `<atom:link href="${attr(absoluteUrl(channel.feedPath))}" rel="self" type="application/rss+xml"/>`,
    ...items.map(item),
    "</channel></rss>\n",
  ].join("\n");
}
