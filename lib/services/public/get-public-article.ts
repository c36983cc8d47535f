import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cache } from "react";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mediaKeyOf } from "@/lib/media/variants";
import { coverSrcsetOf } from "./article-card";
import { lists } from "./cache-profile";
import { currentBodyHtml } from "./current-body-html";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";

export type PublicPerson = {
  id: string;
  publicId: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
};

export type PublicCorrection = {
  id: string;
  kind: "CORRECTION" | "UPDATE" | "SOURCE_UPDATE";
  note: string;
  createdAt: Date;
};

export type PublicArticle = {
  id: string;
  publicId: string;
  title: string;
  lede: string;
  bodyHtml: string;
  bodyLength: number;
  coverUrl: string | null;
  /** the cover's WebP renditions as a srcset ("" for a cover without them) */
  coverSrcset: string;
  coverAlt: string | null;
  coverCaption: string | null;
  publishedAt: Date;
  updatedAt: Date;
  viewCount: number;
  seoTitle: string | null;
  seoDescription: string | null;
  category: { id: number; slug: string; name: string };
  author: PublicPerson;
  translator: PublicPerson | null;
  tags: { id: number; slug: string; name: string }[];
  /** the public correction and update log, newest first (issue 16) */
  corrections: PublicCorrection[];
  /** set for translations */
  source: {
    url: string;
    title: string | null;
    author: string | null;
    site: string | null;
    language: string | null;
    publishedAt: Date | null;
  } | null;
};

const person = {
  select: {
    id: true,
    profile: { select: { publicId: true, displayName: true, avatarUrl: true, bio: true } },
  },
} as const;

type PersonRow = {
  id: string;
  profile: { publicId: string; displayName: string; avatarUrl: string | null; bio: string | null } | null;
};
const toPerson = (u: PersonRow): PublicPerson => ({
  id: u.id,
  publicId: u.profile?.publicId ?? "",
  displayName: u.profile?.displayName ?? "匿名作者",
  avatarUrl: u.profile?.avatarUrl ?? null,
  bio: u.profile?.bio?.trim() || null,
});

/** What an article page reads: the public page and the previews (lib/services/preview) select the same. */
export const articleViewSelect = {
  id: true,
  publicId: true,
  title: true,
  lede: true,
  bodyHtml: true,
  renderVersion: true,
  version: true,
  bodyText: true,
  coverUrl: true,
  coverAlt: true,
  coverCaption: true,
  publishedAt: true,
  updatedAt: true,
  viewCount: true,
  seoTitle: true,
  seoDescription: true,
  sourceUrl: true,
  sourceTitle: true,
  sourceAuthor: true,
  sourceSite: true,
  sourceLanguage: true,
  sourcePublishedAt: true,
  category: { select: { id: true, slug: true, name: true } },
  author: person,
  translator: person,
  tags: {
    select: { tag: { select: { id: true, slug: true, name: true } } },
    orderBy: { tag: { name: "asc" } },
  },
  // bounded: a story corrected more often than this is a new story
  corrections: {
    select: { id: true, kind: true, note: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }] as Prisma.ArticleCorrectionOrderByWithRelationInput[],
    take: 50,
  },
} as const;

type ArticleViewRow = Prisma.ArticleGetPayload<{ select: typeof articleViewSelect }>;

/** The srcset of a cover's renditions: "" unless it is one of our uploads that has them. */
export async function coverSrcset(coverUrl: string | null): Promise<string> {
  const storageKey = mediaKeyOf(coverUrl);
  if (!storageKey) return "";
  const media = await db.media.findUnique({ where: { storageKey }, select: { variants: true } });
  return coverSrcsetOf(media?.variants);
}

/** The article page's DTO from its row; unpublished rows (previews) have no publishedAt yet. */
export async function toArticleView(
  a: ArticleViewRow,
): Promise<Omit<PublicArticle, "publishedAt"> & { publishedAt: Date | null }> {
  return {
    id: a.id,
    publicId: a.publicId,
    title: a.title,
    lede: a.lede,
    // older renders are rendered again with today's sanitiser (lib/content/render-version.ts)
    bodyHtml: await currentBodyHtml(a),
    bodyLength: a.bodyText.length,
    coverUrl: a.coverUrl,
    coverSrcset: await coverSrcset(a.coverUrl),
    coverAlt: a.coverAlt,
    coverCaption: a.coverCaption,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    viewCount: a.viewCount,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    category: a.category,
    author: toPerson(a.author),
    translator: a.translator ? toPerson(a.translator) : null,
    tags: a.tags.map((t) => t.tag),
    corrections: a.corrections,
    source: a.sourceUrl
      ? {
          url: a.sourceUrl,
          title: a.sourceTitle,
          author: a.sourceAuthor,
          site: a.sourceSite,
          language: a.sourceLanguage,
          publishedAt: a.sourcePublishedAt,
        }
      : null,
  };
}

async function loadPublicArticle(publicId: string): Promise<PublicArticle | null> {
  "use cache";
  // a minute: the visibility rule compares with "now", frozen when the entry is filled
  cacheLife(lists);
  if (!PUBLIC_ID_PATTERN.test(publicId)) return null;
  // Only what a reader may see: published and not dated in the future. Drafts, reviews and
  // scheduled rows answer exactly like an unknown id, so their existence is not revealed.
  const a = await db.article.findFirst({
    where: { publicId, status: "PUBLISHED", publishedAt: { lte: new Date() } },
    select: articleViewSelect,
  });
  if (!a || !a.publishedAt) {
    // a miss turns into a page once the article is published, which invalidates "articles"
    cacheTag(tags.articles());
    return null;
  }
  cacheTag(
    tags.article(a.id),
    tags.category(a.category.slug),
    tags.author(a.author.id),
    ...(a.translator ? [tags.author(a.translator.id)] : []),
    // the page prints its tags' names and links: a renamed, re-slugged or merged tag drops it
    // (bounded: an article has at most 10 tags, lib/services/articles/schemas.ts)
    ...a.tags.map((t) => tags.tag(t.tag.slug)),
  );
  return { ...(await toArticleView(a)), publishedAt: a.publishedAt };
}

/**
 * The article page's one read. generateMetadata and the page both call it; React's cache()
 * makes the second call in a request reuse the first one's promise, and 'use cache' shares
 * the result across requests until a tag is invalidated.
 */
export const getPublicArticle = cache(loadPublicArticle);
