import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertEditable, loadVisibleArticle } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { rowIdSchema } from "@/lib/public-id";

export const acknowledgeSourceUpdateSchema = z.strictObject({
  articleId: articleIdSchema,
  /** the newest snapshot the person saw: a newer one fetched meanwhile is not acknowledged unseen */
  snapshotId: rowIdSchema("原文快照编号无效。").optional(),
});

/**
 * 我已处理: the newest snapshot becomes the one the translation is made from and the 原文已更新
 * flag goes. The segments stay as they are: the translator has fixed them by hand.
 */
export async function acknowledgeSourceUpdate(
  actor: Actor | null,
  input: unknown,
): Promise<{ snapshotId: string }> {
  const { articleId, snapshotId } = acknowledgeSourceUpdateSchema.parse(input);
  const head = await loadVisibleArticle(actor, articleId);
  assertEditable(actor!, head);
  return db.$transaction(async (tx) => {
    // the row lock orders this against the job: its snapshot insert waits on the article's key,
    // so the newest snapshot read below cannot be overtaken before the flag is cleared
    const [row] = await tx.$queryRaw<{ sourceChangedAt: Date | null }[]>`
      SELECT "sourceChangedAt" FROM articles WHERE id = ${articleId} FOR UPDATE`;
    if (!row?.sourceChangedAt)
      throw new AppError("CONFLICT", "这篇文章的原文更新已经处理过了，请刷新页面查看。");
    const newest = await tx.sourceSnapshot.findFirst({
      where: { articleId },
      orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (!newest) throw new AppError("NOT_FOUND", "这篇文章没有原文快照。");
    if (snapshotId && snapshotId !== newest.id)
      throw new AppError("CONFLICT", "原文在你查看之后又有了新的变化，请刷新页面，看过新的差异后再确认。");
    // raw: acknowledging is not an edit of the article, so updatedAt and version stay
    await tx.$executeRaw`
      UPDATE articles SET "sourceSnapshotId" = ${newest.id}, "sourceChangedAt" = NULL WHERE id = ${articleId}`;
    await audit(tx, {
      actorId: actor!.id,
      action: "translation.sourceAcknowledged",
      targetType: "article",
      targetId: articleId,
      meta: { snapshotId: newest.id },
    });
    return { snapshotId: newest.id };
  });
}
