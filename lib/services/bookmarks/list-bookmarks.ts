import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ArticleCard } from "@/lib/services/public/article-card";

const BOOKMARKS_PAGE_SIZE = 20;
const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

type BookmarkItem = Pick<
  ArticleCard,
  "publicId" | "title" | "lede" | "coverUrl" | "coverAlt" | "publishedAt" | "category"
> & { bookmarkedAt: Date };
export type BookmarkPage = { items: BookmarkItem[]; total: number; page: number; pageCount: number };

/**
 * The actor's bookmarks, newest first, page by page. Articles unpublished since they were
 * bookmarked drop out of the list (and the count) rather than showing a dead link.
 */
export async function listBookmarks(actor: Actor | null, input: { page?: unknown }): Promise<BookmarkPage> {
  assertCan(actor, "bookmark.manage");
  const page = pageSchema.parse(input.page ?? 1);
  const where = {
    userId: actor.id,
    article: { status: "PUBLISHED" as const, publishedAt: { lte: new Date() } },
  };
  const [total, rows] = await Promise.all([
    db.bookmark.count({ where }),
    db.bookmark.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { articleId: "asc" }],
      skip: (page - 1) * BOOKMARKS_PAGE_SIZE,
      take: BOOKMARKS_PAGE_SIZE,
      select: {
        createdAt: true,
        article: {
          select: {
            publicId: true,
            title: true,
            lede: true,
            coverUrl: true,
            coverAlt: true,
            publishedAt: true,
            category: { select: { slug: true, name: true } },
          },
        },
      },
    }),
  ]);
  return {
    items: rows.map(({ createdAt, article: a }) => ({
      ...a,
      publishedAt: a.publishedAt!,
      bookmarkedAt: createdAt,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / BOOKMARKS_PAGE_SIZE)),
  };
}
