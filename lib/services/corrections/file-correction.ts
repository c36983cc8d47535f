import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle, refOf } from "../articles/access";
import { cacheTagsOf, invalidatePublic } from "../articles/side-effects";
import { insertCorrection } from "./insert-correction";
import { fileCorrectionSchema } from "./schemas";

/**
 * 记录更正 (those allowed to publish): a dated public entry on a live article without a text change
 * of its own — the fix already went live through 更新, or the translated source changed. The
 * article's page, lists, feeds and /corrections are invalidated. A text change and its note go
 * live together through applyPendingEdit's `correction` instead.
 */
export async function fileCorrection(actor: Actor | null, input: unknown, now: Date = new Date()) {
  const { id, ...correction } = fileCorrectionSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertCan(actor, "article.publish", refOf(head));
  if (head.status !== "PUBLISHED")
    throw new AppError("INVALID", "只有已发布的文章才能记录更正；未发布的修改不需要公开说明。");
  const row = await db.$transaction(async (tx) => {
    // the row lock orders this entry after a concurrent 更新 or unpublish of the same article
    const live = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM articles WHERE id = ${id} AND status = 'PUBLISHED' FOR UPDATE`;
    if (live.length === 0) throw new AppError("CONFLICT", "文章刚刚被撤下或修改，请刷新后重试。");
    return insertCorrection(tx, actor!.id, id, correction, now);
  });
  invalidatePublic(cacheTagsOf(head));
  return row;
}
