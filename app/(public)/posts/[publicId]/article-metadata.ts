import type { Metadata } from "next";
import { plainLine } from "@/lib/escape/plain-text";
import type { PublicArticle } from "@/lib/services/public/get-public-article";
import { absoluteUrl } from "@/lib/site-url";
import { DEFAULT_SITE_NAME } from "@/lib/services/settings/keys";

/**
 * title, description, canonical, Open Graph (article) and the Twitter card for one article.
 * Every text is one clean line (lib/escape/plain-text); React escapes it into the tags. The
 * <title> gets the site name from the root layout's template; og:site_name is passed in (站点设置).
 */
export function articleMetadata(a: PublicArticle, siteName = DEFAULT_SITE_NAME): Metadata {
  const title = plainLine(a.seoTitle || a.title);
  const description = plainLine(a.seoDescription || a.lede || a.title, 160);
  const tagNames = a.tags.map((t) => plainLine(t.name));
  const url = `/posts/${a.publicId}`;
  const images = a.coverUrl
    ? [{ url: a.coverUrl, width: 1200, height: 630, alt: plainLine(a.coverAlt || a.title) }]
    : undefined;
  return {
    title,
    description,
    alternates: { canonical: url },
    authors: [{ name: plainLine(a.author.displayName), url: absoluteUrl(`/member/${a.author.publicId}`) }],
    keywords: tagNames,
    openGraph: {
      type: "article",
      url,
      siteName: plainLine(siteName),
      locale: "zh_CN",
      title,
      description,
      publishedTime: a.publishedAt.toISOString(),
      modifiedTime: a.updatedAt.toISOString(),
      section: plainLine(a.category.name),
      tags: tagNames,
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
