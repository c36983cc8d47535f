import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { correctionSchema } from "@/lib/services/corrections/schemas";
import { loadVisibleArticle, refOf } from "../access";
import { saveContent } from "../save-content";
import { articleIdSchema, versionSchema } from "../schemas";

export const pendingEditActionSchema = z.strictObject({ id: articleIdSchema, version: versionSchema });

/** 更新 may carry a public note (更正/更新/原文更新); without one the change is a minor edit, silent. */
export const applyPendingEditSchema = pendingEditActionSchema.extend({
  correction: correctionSchema.nullish().transform((c) => c ?? undefined),
});

/**
 * 更新 (those allowed to publish): a live article's pending edit becomes what readers see, in one
 * transaction through saveContent (re-rendered, tags, search vector, a PENDING_APPLIED revision,
 * the pending row deleted, audited), then its public pages are invalidated. The version guard
 * means the publisher applies exactly the edit they were shown. A `correction` goes live in the
 * same transaction, dated with the change (lib/services/corrections).
 */
export async function applyPendingEdit(actor: Actor | null, input: unknown, now: Date = new Date()) {
  const { id, version, correction } = applyPendingEditSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertCan(actor, "article.publish", refOf(head));
  if (head.status !== "PUBLISHED") throw new AppError("INVALID", "只有已发布的文章才有待更新的修改。");
  return saveContent(
    actor,
    head,
    version,
    { audit: { action: "article.applyPendingEdit", meta: { baseVersion: version } }, correction },
    { kind: "PENDING_APPLIED", now },
  );
}
