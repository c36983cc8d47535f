import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle, refOf } from "./access";
import { articleIdSchema } from "./schemas";
import { transitionArticle } from "./transition";

export const unpublishArticleSchema = z.strictObject({
  id: articleIdSchema,
  to: z.enum(["DRAFT", "ARCHIVED"], { error: "请选择撤回为草稿或归档。" }),
});

/**
 * 撤回 (editors and admins): takes an article off the site or out of the pipeline. PUBLISHED,
 * SCHEDULED or IN_REVIEW → DRAFT (back to its author) or ARCHIVED; an archived one back to DRAFT.
 */
export async function unpublishArticle(actor: Actor | null, input: unknown) {
  const { id, to } = unpublishArticleSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertCan(actor, "article.unpublish", refOf(head));
  const allowed = head.status === "ARCHIVED" ? to === "DRAFT" : head.status !== "DRAFT";
  if (!allowed)
    throw new AppError(
      "INVALID",
      head.status === "DRAFT" ? "草稿无需撤回。" : "已归档的文章只能恢复为草稿。",
    );
  return transitionArticle(actor, head, {
    to,
    action: to === "ARCHIVED" ? "article.archive" : "article.unpublish",
    data: { scheduledAt: null },
  });
}
