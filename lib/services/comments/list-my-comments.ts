import "server-only";
import { can, COMMENT_EDIT_WINDOW_MS, type Actor } from "@/lib/authz";
import { HELD_BY_LABELS, type HeldBy } from "@/lib/comments/rules";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { publicIdSchema } from "@/lib/public-id";

export type MyComment = {
  id: string;
  /** the top-level comment this replies to, null for a top-level comment */
  parentId: string | null;
  body: string;
  status: CommentStatus;
  /** why it waits, in the reader's words (先审后发, 含链接…); the matched word stays with the moderators */
  heldLabel: string | null;
  createdAt: Date;
  editedAt: Date | null;
  /** until when 编辑 / 删除 are offered; null when no longer allowed. The services check again. */
  editableUntil: Date | null;
  article: { publicId: string; title: string; visible: boolean };
};

const LIMIT = 50;
/** on one article a reader's own comments are few; the bound only keeps a flood from bloating the answer */
const ARTICLE_LIMIT = 200;

/**
 * 我的评论: the actor's own comments with their moderation state, newest first. With `publicId`,
 * only those on that article and deleted ones included: the article page uses them to show the
 * reader's pending comments and to hide what they deleted before the cached list catches up.
 */
export async function listMyComments(actor: Actor, scope: { publicId?: string } = {}): Promise<MyComment[]> {
  const publicId = scope.publicId === undefined ? undefined : publicIdSchema.parse(scope.publicId);
  const now = new Date();
  const rows = await db.comment.findMany({
    where: publicId
      ? { authorId: actor.id, article: { publicId } }
      : { authorId: actor.id, status: { not: "DELETED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: publicId ? ARTICLE_LIMIT : LIMIT,
    select: {
      id: true,
      parentId: true,
      body: true,
      status: true,
      heldBy: true,
      createdAt: true,
      editedAt: true,
      article: { select: { publicId: true, title: true, status: true, publishedAt: true } },
    },
  });
  return rows.map(({ article: a, heldBy, ...c }) => ({
    ...c,
    heldLabel: c.status === "PENDING" && heldBy ? (HELD_BY_LABELS[heldBy as HeldBy] ?? null) : null,
    editableUntil:
      (c.status === "PENDING" || c.status === "APPROVED") &&
      can(actor, "comment.editOwn", {
        kind: "comment",
        authorId: actor.id,
        createdAt: c.createdAt,
        status: c.status,
      })
        ? new Date(c.createdAt.getTime() + COMMENT_EDIT_WINDOW_MS)
        : null,
    // an article that was unpublished since is named but not linked
    article: {
      publicId: a.publicId,
      title: a.title,
      visible: a.status === "PUBLISHED" && !!a.publishedAt && a.publishedAt <= now,
    },
  }));
}
