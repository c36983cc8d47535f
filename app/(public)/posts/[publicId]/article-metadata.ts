import type { Metadata } from "next";
import type { PublicArticle } from "@/lib/services/public/get-public-article";
import { absoluteUrl } from "@/lib/site-url";
import { SITE_NAME } from "./article-json-ld";

/** title, description, canonical, Open Graph (article) and the Twitter card for one article. */
export function articleMetadata(a: PublicArticle): Metadata {
  const title = a.seoTitle || a.title;
  const description = (a.seoDescription || a.lede || a.title).slice(0, 160);
  const url = `/posts/${a.publicId}`;
  const images = a.coverUrl
    ? [{ url: a.coverUrl, width: 1200, height: 630, alt: a.coverAlt || a.title }]
    : undefined;
  return {
    title,
    description,
    alternates: { canonical: url },
    authors: [{ name: a.author.displayName, url: absoluteUrl(`/member/${a.author.publicId}`) }],
    keywords: a.tags.map((t) => t.name),
    openGraph: {
      type: "article",
      url,
      siteName: SITE_NAME,
      locale: "zh_CN",
      title,
      description,
      publishedTime: a.publishedAt.toISOString(),
      modifiedTime: a.updatedAt.toISOString(),
      section: a.category.name,
      tags: a.tags.map((t) => t.name),
      authors: [absoluteUrl(`/member/${a.author.publicId}`)],
      images,
    },
    twitter: {
      card: images ? "summary_large_image" : "summary",
      title,
      description,
      images: images?.map((i) => i.url),
    },
  };
}
