import "server-only";
import { z } from "zod";
import { can, type Actor } from "@/lib/authz";
import { commentChangeTags, tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle, refOf } from "./access";
import { articleIdSchema } from "./schemas";
import { auditArticle, invalidatePublic } from "./side-effects";

export const setCommentsClosedSchema = z.strictObject({
  id: articleIdSchema,
  closed: z.boolean({ error: "请选择开启或关闭评论。" }),
});

/**
 * 关闭评论 / 开启评论 on one article: an editor (article.editAny) or the article's author or
 * translator, whatever its status. Not part of a save: the switch applies at once, also on a
 * live article whose text edits wait as a pending edit. The comment write transaction reads the
 * column, and the article page (which shows the form or 本文已关闭评论) is invalidated.
 */
export async function setCommentsClosed(actor: Actor | null, input: unknown) {
  const { id, closed } = setCommentsClosedSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  const ref = refOf(head);
  const isOwner = head.authorId === actor!.id || head.translatorId === actor!.id;
  if (!can(actor, "article.editAny", ref) && !(isOwner && can(actor, "article.create")))
    throw new AppError("FORBIDDEN", "只有编辑或文章作者可以开关本文评论。");
  const changed = await db.$transaction(async (tx) => {
    const res = await tx.article.updateMany({
      where: { id, commentsClosed: !closed },
      data: { commentsClosed: closed },
    });
    if (res.count) await auditArticle(tx, actor!.id, "article.comments", id, { from: !closed, to: closed });
    return res.count > 0;
  });
  if (changed && head.status === "PUBLISHED") invalidatePublic([tags.article(id), ...commentChangeTags(id)]);
  return { id, closed };
}
