import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notify, type Notice } from "@/lib/services/notifications/notify";
import { safeText } from "@/lib/validation";
import { loadVisibleArticle, refOf } from "./access";
import { articleIdSchema, versionSchema } from "./schemas";
import { transitionArticle } from "./transition";

export const returnArticleSchema = z.strictObject({
  id: articleIdSchema,
  version: versionSchema.optional(),
  /** the reviewer's reason: the author reads it in the history (or under 我的投稿) */
  note: safeText(1000, { min: 1 }),
  /** 不予采用: a contribution is declined (ARCHIVED) instead of returned for changes */
  decline: z.boolean().optional(),
});

/**
 * 退回修改 / 不予采用 (editors and admins). An article in review goes back to its author as a
 * DRAFT with the reviewer's reason; a reader's contribution may instead be declined (ARCHIVED),
 * the reason kept for the reader. The author (and translator) get an in-app notice in the same
 * transaction.
 */
export async function returnArticle(actor: Actor | null, input: unknown) {
  const { id, version, note, decline } = returnArticleSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertCan(actor, "article.review", refOf(head));
  if (head.status !== "IN_REVIEW") throw new AppError("INVALID", "只有审核中的稿件可以退回或不予采用。");
  const { isContribution, title } = await db.article.findUniqueOrThrow({
    where: { id },
    select: { isContribution: true, title: true },
  });
  if (decline && !isContribution)
    throw new AppError("INVALID", "只有读者投稿可以“不予采用”；其他稿件请退回修改或归档。");
  const notice: Notice = isContribution
    ? {
        kind: decline ? "contribution.declined" : "contribution.returned",
        title: decline ? `你的投稿《${title}》未被采用` : `你的投稿《${title}》需要修改`,
        body: note,
        url: "/me/contributions",
        articleId: id,
      }
    : {
        kind: "article.returned",
        title: `《${title}》被退回修改`,
        body: note,
        url: `/editor/articles/${id}`,
        articleId: id,
      };
  return transitionArticle(actor, head, {
    to: decline ? "ARCHIVED" : "DRAFT",
    action: decline ? "contribution.decline" : "article.return",
    version,
    note,
    data: { scheduledAt: null },
    alsoInTransaction: (tx) => notify(tx, [head.authorId, head.translatorId], notice, actor.id),
  });
}
