import { absoluteUrl, siteUrl } from "@/lib/site-url";
import type { PublicArticle } from "@/lib/services/public/get-public-article";

export const SITE_NAME = "署名 Byline";

/** schema.org NewsArticle; a translation names its original with isBasedOn. */
export function articleJsonLd(a: PublicArticle) {
  const person = (p: { displayName: string; publicId: string }) => ({
    "@type": "Person",
    name: p.displayName,
    url: absoluteUrl(`/member/${p.publicId}`),
  });
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title.slice(0, 110),
    description: a.seoDescription || a.lede || undefined,
    mainEntityOfPage: { "@type": "WebPage", "@id": absoluteUrl(`/posts/${a.publicId}`) },
    url: absoluteUrl(`/posts/${a.publicId}`),
    datePublished: a.publishedAt.toISOString(),
    dateModified: (a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt).toISOString(),
    image: a.coverUrl ? [new URL(a.coverUrl, siteUrl()).toString()] : undefined,
    articleSection: a.category.name,
    keywords: a.tags.map((t) => t.name).join(",") || undefined,
    inLanguage: "zh-CN",
    author: [person(a.author)],
    translator: a.translator ? person(a.translator) : undefined,
    publisher: { "@type": "Organization", name: SITE_NAME, url: siteUrl() },
    isBasedOn: a.source
      ? {
          "@type": "NewsArticle",
          url: a.source.url,
          headline: a.source.title ?? undefined,
          author: a.source.author ? { "@type": "Person", name: a.source.author } : undefined,
          publisher: a.source.site ? { "@type": "Organization", name: a.source.site } : undefined,
          datePublished: a.source.publishedAt?.toISOString(),
          inLanguage: a.source.language ?? undefined,
        }
      : undefined,
  };
}

/** The script body; "<" is escaped so a title containing "</script>" cannot end the element. */
export const jsonLdText = (article: PublicArticle) =>
  JSON.stringify(articleJsonLd(article)).replace(/</g, "\\u003c");

export function ArticleJsonLd({ article }: { article: PublicArticle }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(article) }} />;
}
