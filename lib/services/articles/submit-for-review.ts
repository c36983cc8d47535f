import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { safeText } from "@/lib/validation";
import { assertTranslationQa } from "@/lib/services/translation/translation-qa";
import { loadVisibleArticle, refOf } from "./access";
import { coverAltProblem } from "./body-schema";
import { articleIdSchema, versionSchema } from "./schemas";
import { transitionArticle } from "./transition";

export const submitForReviewSchema = z.strictObject({
  id: articleIdSchema,
  version: versionSchema.optional(),
  /** 附言 for the reviewer, shown in the queue and the history */
  note: safeText(1000).optional(),
});

/**
 * 提交审核: the author hands a finished draft to the editors (DRAFT → IN_REVIEW). A translation's
 * QA errors stop it (a wrong CVE ID is not worth an editor's time); its warnings are counted in
 * the result for the page to show.
 */
export async function submitForReview(actor: Actor | null, input: unknown) {
  const { id, version, note } = submitForReviewSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  if (head.status !== "DRAFT") throw new AppError("INVALID", "只有草稿可以提交审核。");
  assertCan(actor, "article.submitForReview", refOf(head));
  const { bodyText, title, coverUrl, coverAlt } = await db.article.findUniqueOrThrow({
    where: { id },
    select: { bodyText: true, title: true, coverUrl: true, coverAlt: true },
  });
  if (!title.trim() || !bodyText.trim())
    throw new AppError("INVALID", "标题和正文都不能为空，请补充后再提交审核。");
  // checked here, not on every save: an autosave between choosing a cover and describing it must not fail
  const cover = coverAltProblem({ coverUrl, coverAlt });
  if (cover) throw new AppError("INVALID", cover, { fieldErrors: { coverAlt: [cover] } });
  const qa = await assertTranslationQa(id, "submit");
  const result = await transitionArticle(actor, head, {
    to: "IN_REVIEW",
    action: "article.submitForReview",
    version,
    note,
  });
  return { ...result, qaWarnings: qa.warnings };
}
