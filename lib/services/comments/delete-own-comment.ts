import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { commentChangeTags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { rowIdSchema } from "@/lib/public-id";
import { invalidatePublic } from "../articles/side-effects";
import { assertMayEditOwn, lockOwnComment } from "./own-comment";

export const deleteOwnCommentSchema = z.strictObject({ id: rowIdSchema("这条评论不存在或已删除。") });
export type DeleteOwnCommentInput = z.input<typeof deleteOwnCommentSchema>;

/**
 * 删除评论: the author, within the same 10 minutes as editing. The row stays (status DELETED, the
 * text emptied) so moderation keeps its trail and replies keep their thread: a deleted top-level
 * comment with visible replies shows as "该评论已删除". Allowed on closed or unpublished articles
 * too: taking one's words back needs no open form.
 */
export async function deleteOwnComment(
  actor: Actor | null,
  input: DeleteOwnCommentInput,
): Promise<{ id: string }> {
  assertMayEditOwn(actor);
  const { id } = deleteOwnCommentSchema.parse(input);
  const r = await db.$transaction(async (tx) => {
    const c = await lockOwnComment(tx, actor, id, "删除");
    await tx.comment.update({ where: { id }, data: { status: "DELETED", body: "" } });
    const wasShown = c.status === "APPROVED";
    if (wasShown)
      await tx.article.update({ where: { id: c.articleId }, data: { commentCount: { decrement: 1 } } });
    return { articleId: c.articleId, wasShown };
  });
  if (r.wasShown) invalidatePublic(commentChangeTags(r.articleId));
  return { id };
}
