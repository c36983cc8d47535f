import "server-only";
import type { z } from "zod";
import type { adminCommentListSchema } from "@/lib/api/admin-schemas";
import type { Actor } from "@/lib/authz";
import { listCommentsForModeration } from "@/lib/services/moderation/list-comments-for-moderation";

/** GET /api/v1/admin/comments: the 评论审核 queue's tab (PENDING by default), a page at a time. */
export async function listAdminComments(
  actor: Actor,
  query: { status?: string; page?: string },
): Promise<z.infer<typeof adminCommentListSchema>> {
  const queue = await listCommentsForModeration(actor, query);
  return {
    data: queue.items.map((c) => ({
      id: c.id,
      status: c.status,
      body: c.body,
      authorName: c.author.displayName,
      article: { publicId: c.article.publicId, title: c.article.title },
      createdAt: c.createdAt.toISOString(),
    })),
    page: queue.query.page,
    pageCount: queue.pageCount,
    total: queue.total,
  };
}
