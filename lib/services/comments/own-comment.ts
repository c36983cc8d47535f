import "server-only";
import { can, mayAttempt, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";

/** The coarse gate before input is read: signed in, active, and a role that may edit its own comments. */
export function assertMayEditOwn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!mayAttempt(actor, "comment.editOwn")) throw new AppError("FORBIDDEN");
}

export type OwnComment = {
  id: string;
  articleId: string;
  authorId: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
};

/**
 * The actor's own comment, row-locked for the rest of the transaction (a moderator's decision and
 * the author's edit do not interleave), within the edit window (lib/authz COMMENT_EDIT_WINDOW_MS)
 * and in a state the author may still change: pending or shown. Someone else's comment is "not
 * found": a reader learns nothing about comments that are not theirs.
 */
export async function lockOwnComment(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
  verb: "编辑" | "删除",
): Promise<OwnComment> {
  const [c] = await tx.$queryRaw<OwnComment[]>`
    SELECT id, "articleId", "authorId", body, status::text AS status, "createdAt"
    FROM comments WHERE id = ${id} FOR UPDATE`;
  if (!c || c.authorId !== actor.id || c.status === "DELETED")
    throw new AppError("NOT_FOUND", "这条评论不存在或已删除。");
  if (c.status !== "PENDING" && c.status !== "APPROVED")
    throw new AppError("FORBIDDEN", `这条评论未通过审核，不能再${verb}。`);
  if (
    !can(actor, "comment.editOwn", {
      kind: "comment",
      authorId: c.authorId,
      createdAt: c.createdAt,
      status: c.status,
    })
  )
    throw new AppError("FORBIDDEN", `评论发表超过 10 分钟，已不能${verb}。`);
  return c;
}
