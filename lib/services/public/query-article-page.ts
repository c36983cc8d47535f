import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { cardColumns, cardJoins, isPublic, toCard, type ArticleCard, type CardRow } from "./article-card";
import { encodeCursor, type Cursor } from "./cursor";

export type ArticlePage = { items: ArticleCard[]; nextCursor: string | null };

const PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;

/**
 * One keyset page of public articles matching `scope` (an SQL condition on alias `a`), newest
 * first. Reads limit+1 rows to know whether there is a next page; never OFFSET, so page 100 costs
 * the same as page 1. Exactly one SQL statement whatever the page size.
 */
export async function queryArticlePage(
  scope: Prisma.Sql,
  before: Cursor | null,
  limit = PAGE_SIZE,
): Promise<ArticlePage> {
  const take = Math.min(Math.max(1, Math.trunc(limit)), MAX_PAGE_SIZE);
  const after = before
    ? Prisma.sql`AND (a."publishedAt", a."publicId") < (${before.publishedAt}, ${before.publicId})`
    : Prisma.empty;
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT ${cardColumns}
    FROM articles a ${cardJoins}
    WHERE ${isPublic} AND ${scope} ${after}
    ORDER BY a."publishedAt" DESC, a."publicId" DESC
    LIMIT ${take + 1}`;
  const items = rows.slice(0, take).map(toCard);
  const last = items.at(-1);
  const nextCursor = rows.length > take && last ? encodeCursor(last) : null;
  return { items, nextCursor };
}
