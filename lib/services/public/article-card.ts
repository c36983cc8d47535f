import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** A byline: public profile data only, never the User row. */
export type PersonRef = { publicId: string; displayName: string; avatarUrl: string | null };

/** The article's own columns, the same in the row and the card. */
type CardFields = {
  publicId: string;
  title: string;
  lede: string;
  coverUrl: string | null;
  coverAlt: string | null;
  publishedAt: Date;
  viewCount: number;
  /** approved comments (Article.commentCount, kept by the comment services) */
  commentCount: number;
  isTranslation: boolean;
};

/** What a list shows for one article. */
export type ArticleCard = CardFields & {
  category: { slug: string; name: string };
  author: PersonRef | null;
  translator: PersonRef | null;
};

/** One row of `cardColumns`: the joined names flat, as SQL returns them. */
export type CardRow = CardFields & {
  categorySlug: string;
  categoryName: string;
  authorPublicId: string | null;
  authorName: string | null;
  authorAvatarUrl: string | null;
  translatorPublicId: string | null;
  translatorName: string | null;
  translatorAvatarUrl: string | null;
};

/**
 * Lists are single raw statements: a Prisma `include` of author → profile, translator → profile
 * and category would add up to five statements per list. Alias `a` is the article.
 */
export const cardColumns = Prisma.sql`
  a."publicId", a.title, a.lede, a."coverUrl", a."coverAlt", a."publishedAt", a."viewCount", a."commentCount",
  (a."sourceUrl" IS NOT NULL) AS "isTranslation",
  c.slug AS "categorySlug", c.name AS "categoryName",
  ap."publicId" AS "authorPublicId", ap."displayName" AS "authorName", ap."avatarUrl" AS "authorAvatarUrl",
  tp."publicId" AS "translatorPublicId", tp."displayName" AS "translatorName", tp."avatarUrl" AS "translatorAvatarUrl"`;

export const cardJoins = Prisma.sql`
  JOIN categories c ON c.id = a."categoryId"
  LEFT JOIN profiles ap ON ap."userId" = a."authorId"
  LEFT JOIN profiles tp ON tp."userId" = a."translatorId"`;

/**
 * The public visibility rule. `now()` is the time the cache entry is filled; see cache-profile.ts
 * for why that is acceptable.
 */
export const isPublic = Prisma.sql`a.status = 'PUBLISHED' AND a."publishedAt" <= now()`;

const person = (
  publicId: string | null,
  displayName: string | null,
  avatarUrl: string | null,
): PersonRef | null => (publicId && displayName ? { publicId, displayName, avatarUrl } : null);

export function toCard(r: CardRow): ArticleCard {
  return {
    publicId: r.publicId,
    title: r.title,
    lede: r.lede,
    coverUrl: r.coverUrl,
    coverAlt: r.coverAlt,
    publishedAt: r.publishedAt,
    viewCount: Number(r.viewCount),
    commentCount: Number(r.commentCount),
    isTranslation: r.isTranslation,
    category: { slug: r.categorySlug, name: r.categoryName },
    author: person(r.authorPublicId, r.authorName, r.authorAvatarUrl),
    translator: person(r.translatorPublicId, r.translatorName, r.translatorAvatarUrl),
  };
}
