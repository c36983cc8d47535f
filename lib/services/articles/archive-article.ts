import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle, refOf } from "./access";
import { articleIdSchema, versionSchema } from "./schemas";
import { transitionArticle } from "./transition";

export const archiveArticleSchema = z.strictObject({
  id: articleIdSchema,
  /** the version the list showed: nothing is archived on the strength of a stale row */
  version: versionSchema.optional(),
});

/**
 * 归档 (editors and admins, the `article.unpublish` holders): any article not yet archived leaves
 * the site and the pipeline, a draft included. Through transitionArticle, so the version, the
 * history row, the STATUS revision, the audit row and the public caches are all handled.
 */
export async function archiveArticle(actor: Actor | null, input: unknown) {
  const { id, version } = archiveArticleSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertCan(actor, "article.unpublish", refOf(head));
  if (head.status === "ARCHIVED") throw new AppError("INVALID", "这篇文章已经归档了。");
  return transitionArticle(actor, head, {
    to: "ARCHIVED",
    action: "article.archive",
    version,
    data: { scheduledAt: null },
  });
}
