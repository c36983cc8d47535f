import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCategory } from "@/lib/services/articles/create-article";
import { saveContent } from "@/lib/services/articles/save-content";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { transitionArticle } from "@/lib/services/articles/transition";
import { safeText } from "@/lib/validation";
import { loadOwnContribution } from "./own-contribution";
import { contributionSchema, MAX_PENDING_CONTRIBUTIONS, textToDoc } from "./submit-contribution";

export const resubmitContributionSchema = contributionSchema.extend({
  id: articleIdSchema,
  /** sent by a form: a string until coerced */
  version: z.coerce.number().int().min(1),
  /** 附言 for the editor */
  note: safeText(1000).optional(),
});

/**
 * 修改后重新提交: the reader edits a returned contribution (same plain-text fields as 投稿) and
 * sends it back for review. The text is saved first (a revision, as every save), then the
 * status moves, guarded by the version just written; if the second step is refused the edit
 * is kept as the draft and the reader may retry.
 */
export async function resubmitContribution(actor: Actor | null, input: unknown) {
  assertCan(actor, "contribution.submit");
  const { id, version, note, ...data } = resubmitContributionSchema.parse(input);
  const head = await loadOwnContribution(actor, id);
  if (head.status !== "DRAFT") throw new AppError("INVALID", "只有被退回的投稿可以修改后重新提交。");
  await assertCategory(data.categoryId);
  const pending = await db.article.count({
    where: { authorId: actor.id, status: "IN_REVIEW", deletedAt: null },
  });
  if (pending >= MAX_PENDING_CONTRIBUTIONS) {
    throw new AppError("RATE_LIMITED", `你已有 ${pending} 篇稿件在审核中，请等待编辑处理后再提交。`);
  }
  const saved = await saveContent(actor, head, version, {
    title: data.title,
    lede: data.lede,
    body: textToDoc(data.body),
    fields: { categoryId: data.categoryId, sourceUrl: data.sourceUrl ?? null },
  });
  return transitionArticle(
    actor,
    { ...head, version: saved.version },
    {
      to: "IN_REVIEW",
      action: "contribution.resubmit",
      version: saved.version,
      note,
    },
  );
}
