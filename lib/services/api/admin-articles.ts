import "server-only";
import type { z } from "zod";
import type { adminArticleListSchema, adminArticleSchema } from "@/lib/api/admin-schemas";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { listArticles } from "@/lib/services/articles/list/list-articles";
import { getArticleWithPending } from "@/lib/services/articles/pending/get-pending-edit";
import { absoluteUrl } from "@/lib/site-url";

/**
 * The Admin API's article reads (issue 17), on the editor's own services: the list is 全部文章,
 * one article is what the editor opens (a live article's pending edit laid over it). Visibility
 * and permission are theirs (lib/authz.ts via the services); this only maps publicIds and shapes.
 */

/** publicId → row id and status; an unknown or deleted one is the same 404 as the services give. */
export async function articleHeadOf(publicId: string): Promise<{ id: string; status: ArticleStatus }> {
  const row = await db.article.findUnique({
    where: { publicId },
    select: { id: true, status: true, deletedAt: true },
  });
  if (!row || row.deletedAt) throw new AppError("NOT_FOUND", "找不到这篇文章。");
  return { id: row.id, status: row.status };
}

/** The version a stale writer should re-read (the 409's `currentVersion`). */
export async function currentVersionOf(id: string): Promise<number | undefined> {
  return (await db.article.findUnique({ where: { id }, select: { version: true } }))?.version;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function getAdminArticle(
  actor: Actor,
  publicId: string,
): Promise<z.infer<typeof adminArticleSchema>> {
  const a = await getArticleWithPending(actor, (await articleHeadOf(publicId)).id);
  return {
    publicId: a.publicId,
    url: absoluteUrl(`/posts/${a.publicId}`),
    status: a.status,
    version: a.version,
    title: a.title,
    lede: a.lede,
    body: a.body as Record<string, unknown>,
    categoryId: a.categoryId,
    tags: a.tags,
    coverUrl: a.coverUrl,
    coverAlt: a.coverAlt,
    sourceUrl: a.sourceUrl,
    sourceTitle: a.sourceTitle,
    isTranslation: a.isTranslation,
    author: { displayName: a.author.displayName },
    translator: a.translator ? { displayName: a.translator.displayName } : null,
    scheduledAt: iso(a.scheduledAt),
    publishedAt: iso(a.publishedAt),
    updatedAt: a.updatedAt.toISOString(),
    pendingEdit: a.pendingEdit
      ? { updatedAt: a.pendingEdit.updatedAt.toISOString(), editorName: a.pendingEdit.editorName }
      : null,
  };
}

export async function listAdminArticles(
  actor: Actor,
  query: { status?: string; page?: string },
): Promise<z.infer<typeof adminArticleListSchema>> {
  const list = await listArticles(actor, { status: query.status, page: query.page, sort: "updated" });
  return {
    data: list.items.map((r) => ({
      publicId: r.publicId,
      title: r.title,
      status: r.status,
      version: r.version,
      isTranslation: r.isTranslation,
      category: r.categoryName,
      author: r.authorName,
      translator: r.translatorName,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      publishedAt: iso(r.publishedAt),
      scheduledAt: iso(r.scheduledAt),
    })),
    page: list.page,
    pageCount: list.pageCount,
    total: list.total,
  };
}
