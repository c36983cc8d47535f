import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle, refOf } from "./access";
import { articleIdSchema, versionSchema } from "./schemas";
import { transitionArticle } from "./transition";

export const submitForReviewSchema = z.strictObject({
  id: articleIdSchema,
  version: versionSchema.optional(),
});

/** 提交审核: the author hands a finished draft to the editors (DRAFT → IN_REVIEW). */
export async function submitForReview(actor: Actor | null, input: unknown) {
  const { id, version } = submitForReviewSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  if (head.status !== "DRAFT") throw new AppError("INVALID", "只有草稿可以提交审核。");
  assertCan(actor, "article.submitForReview", refOf(head));
  const { bodyText, title } = await db.article.findUniqueOrThrow({
    where: { id },
    select: { bodyText: true, title: true },
  });
  if (!title.trim() || !bodyText.trim())
    throw new AppError("INVALID", "标题和正文都不能为空，请补充后再提交审核。");
  return transitionArticle(actor, head, { to: "IN_REVIEW", action: "article.submitForReview", version });
}
