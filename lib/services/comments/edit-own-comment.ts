import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { commentChangeTags } from "@/lib/cache-tags";
import { evaluateComment } from "@/lib/comments/rules";
import { getCommentSettings } from "@/lib/comments/settings";
import { db } from "@/lib/db";
import { rowIdSchema } from "@/lib/public-id";
import { invalidatePublic } from "../articles/side-effects";
import { notifyCommentsApproved } from "../moderation/notify-approved";
import { assertNotCommentBanned } from "./comment-ban-status";
import { authorRecord, isDuplicateWithinDay, lockCommentableArticle } from "./comment-facts";
import { commentBodySchema } from "./comment-input";
import type { StoredComment } from "./idempotency";
import { assertMayEditOwn, lockOwnComment } from "./own-comment";

export const editOwnCommentSchema = z.strictObject({
  id: rowIdSchema("这条评论不存在或已删除。"),
  body: commentBodySchema,
});
export type EditOwnCommentInput = z.input<typeof editOwnCommentSchema>;

/**
 * 编辑评论: the author, within 10 minutes of posting. The new text goes through the rules again as
 * if it had just been posted (the comment itself does not vouch for its author), so an approved
 * comment edited into a link or a blocked word is held or rejected and leaves the page, and
 * commentCount follows. Comments on closed or unpublished articles cannot be edited.
 */
export async function editOwnComment(
  actor: Actor | null,
  input: EditOwnCommentInput,
): Promise<StoredComment> {
  assertMayEditOwn(actor);
  const { id, body } = editOwnCommentSchema.parse(input);
  const r = await db.$transaction(async (tx) => {
    const c = await lockOwnComment(tx, actor, id, "编辑");
    await assertNotCommentBanned(actor.id, tx);
    const now = new Date();
    const settings = await getCommentSettings(tx);
    const verdict = evaluateComment({
      body,
      author: await authorRecord(tx, actor.id, c.id),
      settings,
      duplicateWithinDay: await isDuplicateWithinDay(tx, actor.id, body, now, c.id),
      now,
    });
    const was = c.status === "APPROVED";
    const is = verdict.status === "APPROVED";
    await lockCommentableArticle(tx, c.articleId, was !== is ? "update" : "share", settings, now);
    await tx.comment.update({
      where: { id },
      data: {
        body,
        status: verdict.status,
        heldBy: verdict.heldBy,
        heldDetail: verdict.heldDetail,
        editedAt: now,
      },
    });
    if (was !== is)
      await tx.article.update({
        where: { id: c.articleId },
        data: { commentCount: { increment: is ? 1 : -1 } },
      });
    if (is && !was) await notifyCommentsApproved(tx, [id]);
    return { articleId: c.articleId, visible: was || is, status: verdict.status, heldBy: verdict.heldBy };
  });
  if (r.visible) invalidatePublic(commentChangeTags(r.articleId));
  return { id, status: r.status, heldBy: r.heldBy };
}
