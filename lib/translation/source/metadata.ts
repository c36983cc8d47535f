import { collapse } from "./text";

/**
 * Attribution a page declares about itself, read before readability rewrites the document:
 * Open Graph and article: meta tags, common author/date meta names, and JSON-LD (Article and its
 * news/blog kinds, in arrays and @graph). Readability's own findings take precedence where it
 * has them (extract.ts); these are the fallbacks.
 */

export type PageMeta = {
  title: string | null;
  author: string | null;
  siteName: string | null;
  publishedTime: string | null;
  image: string | null;
  description: string | null;
};

type Doc = {
  querySelector(sel: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
  querySelectorAll(
    sel: string,
  ): ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null }>;
};

const ARTICLE_TYPES =
  /^(Article|NewsArticle|BlogPosting|TechArticle|Report|ReportageNewsArticle|AnalysisNewsArticle|ScholarlyArticle|WebPage)$/;

function meta(doc: Doc, keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const v = el?.getAttribute("content");
    if (v && collapse(v)) return collapse(v);
  }
  return null;
}

const nameOf = (v: unknown): string | null => {
  if (typeof v === "string") return collapse(v) || null;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(", ") || null;
  if (v && typeof v === "object" && "name" in v) return nameOf((v as { name: unknown }).name);
  return null;
};
const urlOf = (v: unknown): string | null => {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return urlOf(v[0]);
  if (v && typeof v === "object" && "url" in v) return urlOf((v as { url: unknown }).url);
  return null;
};

function jsonLdArticle(doc: Doc): Record<string, unknown> | null {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'));
  for (const s of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? "");
    } catch {
      continue; // a broken block of JSON-LD is common and harmless
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const o = item as Record<string, unknown>;
        if (Array.isArray(o["@graph"])) queue.push(...o["@graph"]);
        const types = ([] as unknown[]).concat(o["@type"]);
        if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t)) && (o.headline || o.author))
          return o;
      }
    }
  }
  return null;
}

/** An absolute http(s) address within our column size, or null. */
export function absoluteUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return (url.protocol === "http:" || url.protocol === "https:") && url.href.length <= 2048
      ? url.href
      : null;
  } catch {
    return null;
  }
}

export function readPageMeta(doc: Doc, base: string): PageMeta {
  const ld = jsonLdArticle(doc);
  const metaAuthor = meta(doc, [
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
  ]);
  return {
    title:
      meta(doc, ["og:title", "twitter:title"]) ??
      nameOf(ld?.headline) ??
      (collapse(doc.querySelector("title")?.textContent ?? "") || null),
    // article:author is often a profile URL, which is no name
    author: nameOf(ld?.author) ?? (metaAuthor && !/^https?:\/\//i.test(metaAuthor) ? metaAuthor : null),
    siteName: meta(doc, ["og:site_name", "application-name"]) ?? nameOf(ld?.publisher),
    publishedTime:
      meta(doc, [
        "article:published_time",
        "og:published_time",
        "datePublished",
        "pubdate",
        "publish-date",
        "parsely-pub-date",
        "dc.date",
      ]) ??
      (typeof ld?.datePublished === "string" ? ld.datePublished : null) ??
      doc.querySelector("time[datetime]")?.getAttribute("datetime") ??
      null,
    image: absoluteUrl(meta(doc, ["og:image", "og:image:url", "twitter:image"]) ?? urlOf(ld?.image), base),
    description: meta(doc, ["og:description", "description", "twitter:description"]),
  };
}
