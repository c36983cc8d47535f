import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { config } from "./cache-profile";

export type CommentOrder = "newest" | "oldest";
export type PublicComment = {
  id: string;
  body: string;
  createdAt: Date;
  author: { publicId: string; displayName: string; avatarUrl: string | null };
};
export type CommentThread = PublicComment & { replies: PublicComment[] };

const select = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: { profile: { select: { publicId: true, displayName: true, avatarUrl: true } } } },
} as const;

type Row = {
  id: string;
  body: string;
  createdAt: Date;
  author: { profile: { publicId: string; displayName: string; avatarUrl: string | null } | null };
};
const toComment = (c: Row): PublicComment => ({
  id: c.id,
  body: c.body,
  createdAt: c.createdAt,
  author: c.author.profile ?? { publicId: "", displayName: "已注销用户", avatarUrl: null },
});

/**
 * Approved comments only, one level of threading: top-level comments in the reader's chosen
 * order, each with its approved replies oldest first (a conversation reads top to bottom).
 * A reply whose parent is not approved is not shown: it would make no sense on its own.
 */
export async function listArticleComments(
  articleId: string,
  order: CommentOrder,
  limit = 100,
): Promise<{ total: number; threads: CommentThread[] }> {
  "use cache";
  // only moderation changes this list, and moderation invalidates the tag
  cacheLife(config);
  cacheTag(tags.comments(articleId));
  const where = { articleId, status: "APPROVED" as const };
  const [top, total] = await Promise.all([
    db.comment.findMany({
      where: { ...where, parentId: null },
      orderBy: [{ createdAt: order === "oldest" ? "asc" : "desc" }, { id: "asc" }],
      take: limit,
      select: { ...select, replies: { where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select } },
    }),
    db.comment.count({ where: { ...where, OR: [{ parentId: null }, { parent: { status: "APPROVED" } }] } }),
  ]);
  return { total, threads: top.map((c) => ({ ...toComment(c), replies: c.replies.map(toComment) })) };
}
