import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { tags } from "@/lib/cache-tags";
import type { RssItem } from "@/lib/feed/rss";
import { isPublic } from "./article-card";
import { lists } from "./cache-profile";
import { currentBodyHtml } from "./current-body-html";

/** What the RSS renderer takes, every field read (a source's fields are null for an original). */
export type FeedItem = Required<RssItem>;

const FEED_SIZE = 20;

type FeedRow = Omit<FeedItem, "corrections"> & {
  id: string;
  version: number;
  renderVersion: number;
  corrections: { kind: FeedItem["corrections"][number]["kind"]; note: string; createdAt: string }[];
};

/**
 * The newest public articles with their full HTML and correction log, for RSS: all, one category's or one member's. One
 * statement; a body stored by an older renderer is rendered and sanitised again before it is served,
 * as on the article page (current-body-html.ts).
 */
export async function listFeedItems(
  options: { categoryId?: number; memberPublicId?: string } = {},
): Promise<FeedItem[]> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  const member = Prisma.sql`(SELECT m."userId" FROM profiles m WHERE m."publicId" = ${options.memberPublicId ?? ""})`;
  const inCategory =
    options.categoryId === undefined ? Prisma.empty : Prisma.sql`AND a."categoryId" = ${options.categoryId}`;
  const byMember =
    options.memberPublicId === undefined
      ? Prisma.empty
      : Prisma.sql`AND (a."authorId" = ${member} OR a."translatorId" = ${member})`;
  const rows = await db.$queryRaw<FeedRow[]>`
    SELECT a.id, a.version, a."renderVersion", a."publicId", a.title, a.lede, a."bodyHtml", a."publishedAt", c.name AS "categoryName",
      ap."displayName" AS "authorName", tp."displayName" AS "translatorName",
      a."sourceUrl", a."sourceTitle", a."sourceSite",
      COALESCE((SELECT json_agg(json_build_object('kind', k.kind, 'note', k.note, 'createdAt', k."createdAt") ORDER BY k."createdAt" DESC, k.id DESC)
        FROM (SELECT * FROM article_corrections WHERE "articleId" = a.id ORDER BY "createdAt" DESC, id DESC LIMIT 50) k), '[]') AS corrections
    FROM articles a
    JOIN categories c ON c.id = a."categoryId"
    LEFT JOIN profiles ap ON ap."userId" = a."authorId"
    LEFT JOIN profiles tp ON tp."userId" = a."translatorId"
    WHERE ${isPublic} ${inCategory} ${byMember}
    ORDER BY a."publishedAt" DESC, a."publicId" DESC
    LIMIT ${FEED_SIZE}`;
  return Promise.all(
    rows.map(async ({ id, version, renderVersion, corrections, ...item }) => ({
      ...item,
      // json_build_object writes timestamp(3) without a zone: it is UTC, as Prisma stores it
      corrections: corrections.map((c) => ({ ...c, createdAt: new Date(`${c.createdAt}Z`) })),
      bodyHtml: await currentBodyHtml({ id, version, renderVersion, bodyHtml: item.bodyHtml }),
    })),
  );
}
