import type { Metadata } from "next";
import { plainLine } from "@/lib/escape/plain-text";

type Input = {
  /** page title without the site name (the root layout's template appends it); omit for the home page */
  title?: string;
  /** omitted: the site's own description (root layout, from 站点设置) */
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
 * The site name is not written here: the root layout's title template (站点设置, app/layout.tsx)
 * adds it, and Next.js copies the resolved <title> into og:title and twitter:title, so a renamed
 * site shows everywhere on the next load. The home page sets no title and gets the layout's default.
 * Names, bios and category descriptions are user text: each becomes one clean line of plain
 * text here (React escapes it into the attribute), so a bio's line breaks or control characters
 * never reach a <meta> tag or a share card.
 */
export function pageMetadata({
  title: rawTitle,
  description: rawDescription,
  path,
  image,
  type = "website",
  noindex,
  feed,
}: Input): Metadata {
  const title = rawTitle === undefined ? undefined : plainLine(rawTitle);
  const description =
    rawDescription === undefined ? undefined : plainLine(rawDescription, DESCRIPTION_MAX_CHARS);
  const images = image ? [{ url: image }] : undefined;
  return {
    ...(title !== undefined && { title }),
    ...(description !== undefined && { description }),
    alternates: {
      canonical: path,
      types: feed ? { "application/rss+xml": [{ url: feed.path, title: plainLine(feed.title) }] } : undefined,
    },
    // og:title/description and twitter's are left out: Next.js fills them from the resolved title
    openGraph: {
      url: path,
      locale: "zh_CN",
      type,
      images,
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      images: image ? [image] : undefined,
    },
    robots: noindex ? { index: false, follow: true } : undefined,
  };
}
