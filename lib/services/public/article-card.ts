import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { narrowestWebp, parseVariants, webpSrcset } from "@/lib/media/variants";

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
  /** the cover's WebP renditions as a srcset ("" for a cover without them) */
  coverSrcset: string;
  /** for a thumbnail: the cover's narrowest rendition, else the cover itself */
  coverThumb: string | null;
  category: { slug: string; name: string };
  author: PersonRef | null;
  translator: PersonRef | null;
};

/** One row of `cardColumns`: the joined names flat, as SQL returns them. */
export type CardRow = CardFields & {
  /** Media.variants of the cover, when it is one of our uploads */
  coverVariants: unknown;
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
 * The cover's Media.variants when it is one of our uploads, as a correlated lookup by the unique
 * storage key ("/media/" is 7 characters: the rest is the key; the pattern is MEDIA_KEY's, as in
 * mediaKeyOf), so a list stays one statement. Alias `a` is the article.
 */
export const coverVariantsColumn = Prisma.sql`(SELECT m.variants FROM media m
    WHERE a."coverUrl" ~ '^/media/[0-9a-f]{2}/[0-9a-f]{64}[.][a-z]{3,4}$'
      AND m."storageKey" = substr(a."coverUrl", 8)) AS "coverVariants"`;

/** The srcset of a cover's WebP renditions ("" without them), from coverVariantsColumn. */
export const coverSrcsetOf = (variants: unknown) => webpSrcset(parseVariants(variants));

/**
 * What a thumbnail loads: the cover's narrowest rendition (480 px), which fills a 15rem slot at a
 * device pixel ratio of 2, so a srcset would only add bytes to the page (written twice: HTML and
 * flight data). 你可能感兴趣的 on a phone is one full-width column: there the 480 px file is a
 * little soft at a ratio of 3, the price of keeping the article page's HTML under 60 KB.
 */
export const coverThumbOf = (variants: unknown, coverUrl: string | null) =>
  coverUrl && (narrowestWebp(parseVariants(variants)) ?? coverUrl);

/**
 * Lists are single raw statements: a Prisma `include` of author → profile, translator → profile
 * and category would add up to five statements per list. Alias `a` is the article.
 */
export const cardColumns = Prisma.sql`
  a."publicId", a.title, a.lede, a."coverUrl", a."coverAlt", a."publishedAt", a."viewCount", a."commentCount",
  (a."sourceUrl" IS NOT NULL) AS "isTranslation",
  ${coverVariantsColumn},
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
    coverSrcset: coverSrcsetOf(r.coverVariants),
    coverThumb: coverThumbOf(r.coverVariants, r.coverUrl),
    publishedAt: r.publishedAt,
    viewCount: Number(r.viewCount),
    commentCount: Number(r.commentCount),
    isTranslation: r.isTranslation,
    category: { slug: r.categorySlug, name: r.categoryName },
    author: person(r.authorPublicId, r.authorName, r.authorAvatarUrl),
    translator: person(r.translatorPublicId, r.translatorName, r.translatorAvatarUrl),
  };
}
