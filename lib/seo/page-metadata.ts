import type { Metadata } from "next";
import { plainLine } from "@/lib/escape/plain-text";

export const SITE_NAME = "署名 Byline";
export const SITE_DESCRIPTION =
  "署名 Byline：原创报道与英文安全资讯翻译，关注漏洞、威胁情报、勒索软件与安全工具。";

type Input = {
  /** page title without the site name (the root layout's template appends it); omit for the home page */
  title?: string;
  description?: string;
  /** site path, e.g. "/category/news"; resolved against metadataBase (SITE_URL) */
  path: string;
  image?: string | null;
  type?: "website" | "profile";
  /** search results and the like: reachable but not worth indexing */
  noindex?: boolean;
  /** an RSS feed for this page, advertised with <link rel="alternate" type="application/rss+xml"> */
  feed?: { path: string; title: string };
};

/** Longest meta description written; search engines show about half of it. */
const DESCRIPTION_MAX_CHARS = 200;

/**
 * Title, description, canonical, Open Graph and Twitter tags for a public page, in one shape.
 * Names, bios and category descriptions are user text: each becomes one clean line of plain
 * text here (React escapes it into the attribute), so a bio's line breaks or control characters
 * never reach a <meta> tag or a share card.
 */
export function pageMetadata({
  title: rawTitle,
  description: rawDescription = SITE_DESCRIPTION,
  path,
  image,
  type = "website",
  noindex,
  feed,
}: Input): Metadata {
  const title = rawTitle === undefined ? undefined : plainLine(rawTitle);
  const description = plainLine(rawDescription, DESCRIPTION_MAX_CHARS);
  const fullTitle = title ? `${title} · ${SITE_NAME}` : `${SITE_NAME} · 网络安全资讯与译文`;
  const images = image ? [{ url: image }] : undefined;
  return {
    title: title ?? { absolute: fullTitle },
    description,
    alternates: {
      canonical: path,
      types: feed ? { "application/rss+xml": [{ url: feed.path, title: plainLine(feed.title) }] } : undefined,
    },
    openGraph: {
      title: fullTitle,
      description,
      url: path,
      siteName: SITE_NAME,
      locale: "zh_CN",
      type,
      images,
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: fullTitle,
      description,
      images: image ? [image] : undefined,
    },
    robots: noindex ? { index: false, follow: true } : undefined,
  };
}
