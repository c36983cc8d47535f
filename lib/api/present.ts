import "server-only";
import { absoluteUrl } from "@/lib/site-url";
import type { ArticleCard } from "@/lib/services/public/article-card";
import type { PublicArticle, PublicPerson } from "@/lib/services/public/get-public-article";
import type { MemberDto } from "@/lib/services/public/get-member";
import type { ArticleDetailJson, ArticleField, ArticleSummaryJson, AuthorDetailJson } from "./schemas";

/**
 * The pages' DTOs → the Content API's JSON, typed by the response schemas (lib/api/schemas.ts).
 * Internal row ids (Article.id, User.id, category and tag ids) never leave here: the API names
 * things by publicId and slug, like the site's URLs.
 */

export function toSummary(card: ArticleCard): ArticleSummaryJson {
  return {
    publicId: card.publicId,
    url: absoluteUrl(`/posts/${card.publicId}`),
    title: card.title,
    lede: card.lede,
    coverUrl: card.coverUrl,
    coverAlt: card.coverAlt,
    publishedAt: card.publishedAt.toISOString(),
    viewCount: card.viewCount,
    commentCount: card.commentCount,
    isTranslation: card.isTranslation,
    category: card.category,
    author: card.author,
    translator: card.translator,
  };
}

/** `fields=` applied: the named fields in the schema's order, publicId always first. */
export function pick(item: ArticleSummaryJson, fields: ArticleField[] | null): Partial<ArticleSummaryJson> {
  if (!fields) return item;
  const wanted = new Set<string>(["publicId", ...fields]);
  return Object.fromEntries(Object.entries(item).filter(([key]) => wanted.has(key)));
}

const person = (p: PublicPerson) => ({
  publicId: p.publicId,
  displayName: p.displayName,
  avatarUrl: p.avatarUrl,
  bio: p.bio,
});

export function toArticle(a: PublicArticle & { text: string }): ArticleDetailJson["data"] {
  return {
    publicId: a.publicId,
    url: absoluteUrl(`/posts/${a.publicId}`),
    title: a.title,
    lede: a.lede,
    html: a.bodyHtml,
    text: a.text,
    coverUrl: a.coverUrl,
    coverAlt: a.coverAlt,
    coverCaption: a.coverCaption,
    publishedAt: a.publishedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    viewCount: a.viewCount,
    isTranslation: a.source !== null,
    category: { slug: a.category.slug, name: a.category.name },
    author: person(a.author),
    translator: a.translator ? person(a.translator) : null,
    tags: a.tags.map((t) => ({ slug: t.slug, name: t.name })),
    corrections: a.corrections.map((c) => ({
      kind: c.kind,
      note: c.note,
      createdAt: c.createdAt.toISOString(),
    })),
    source: a.source
      ? {
          url: a.source.url,
          title: a.source.title,
          author: a.source.author,
          site: a.source.site,
          language: a.source.language,
          publishedAt: a.source.publishedAt?.toISOString() ?? null,
        }
      : null,
  };
}

export function toAuthor(m: MemberDto): AuthorDetailJson["data"] {
  return {
    publicId: m.publicId,
    url: absoluteUrl(`/member/${m.publicId}`),
    displayName: m.displayName,
    bio: m.bio,
    avatarUrl: m.avatarUrl,
    joinedAt: m.joinedAt.toISOString(),
    articleCount: m.articleCount,
  };
}
