import { JsonLdScript } from "@/components/ui/safe-html";
import { jsonForScript } from "@/lib/escape/json-script";
import { plainLine } from "@/lib/escape/plain-text";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import type { PublicArticle } from "@/lib/services/public/get-public-article";
import { CORRECTION_KIND_LABELS } from "@/lib/labels";
import { DEFAULT_SITE_NAME } from "@/lib/services/settings/keys";

/**
 * schema.org NewsArticle; a translation names its original with isBasedOn. Text fields are one
 * clean line each (search engines show them as plain text); jsonLdText escapes for the script.
 * The publisher is the site by its 站点设置 name; the correction log is `correction` and moves
 * dateModified.
 */
export function articleJsonLd(a: PublicArticle, siteName = DEFAULT_SITE_NAME) {
  // a correction entry is a material change: dateModified is never older than the newest one
  const modified = [a.publishedAt, a.updatedAt, ...a.corrections.map((c) => c.createdAt)].reduce((x, y) =>
    y > x ? y : x,
  );
  const person = (p: { displayName: string; publicId: string }) => ({
    "@type": "Person",
    name: plainLine(p.displayName),
    url: absoluteUrl(`/member/${p.publicId}`),
  });
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: plainLine(a.title, 110),
    description: plainLine(a.seoDescription || a.lede) || undefined,
    mainEntityOfPage: { "@type": "WebPage", "@id": absoluteUrl(`/posts/${a.publicId}`) },
    url: absoluteUrl(`/posts/${a.publicId}`),
    datePublished: a.publishedAt.toISOString(),
    dateModified: modified.toISOString(),
    image: a.coverUrl ? [new URL(a.coverUrl, siteUrl()).toString()] : undefined,
    articleSection: plainLine(a.category.name),
    keywords: a.tags.map((t) => plainLine(t.name)).join(",") || undefined,
    inLanguage: "zh-CN",
    author: [person(a.author)],
    translator: a.translator ? person(a.translator) : undefined,
    publisher: { "@type": "Organization", name: plainLine(siteName), url: siteUrl() },
    // schema.org CreativeWork.correction: the public log, each note with its date
    correction: a.corrections.length
      ? a.corrections.map((c) => ({
          "@type": "CorrectionComment",
          text: `${CORRECTION_KIND_LABELS[c.kind]}：${plainLine(c.note)}`,
          datePublished: c.createdAt.toISOString(),
        }))
      : undefined,
    isBasedOn: a.source
      ? {
          "@type": "NewsArticle",
          url: a.source.url,
          headline: a.source.title ? plainLine(a.source.title) : undefined,
          author: a.source.author ? { "@type": "Person", name: plainLine(a.source.author) } : undefined,
          publisher: a.source.site ? { "@type": "Organization", name: plainLine(a.source.site) } : undefined,
          datePublished: a.source.publishedAt?.toISOString(),
          inLanguage: a.source.language ?? undefined,
        }
      : undefined,
  };
}

/** The script body: a title containing "</script>" or "<!--" cannot end or upset the element. */
export const jsonLdText = (article: PublicArticle) => jsonForScript(articleJsonLd(article));

export function ArticleJsonLd({ article, siteName }: { article: PublicArticle; siteName?: string }) {
  return <JsonLdScript data={articleJsonLd(article, siteName)} />;
}
