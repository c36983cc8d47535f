import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { ArticleHead } from "./access";
import { auditArticle, cacheTagsOf, invalidatePublic, touchesPublic } from "./side-effects";

export type TransitionResult = {
  id: string;
  publicId: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  scheduledAt: Date | null;
};

type Transition = {
  to: ArticleStatus;
  action: string;
  data?: Omit<Prisma.ArticleUpdateManyMutationInput, "status" | "version">;
  /** when given, the article must still be at this version: nobody publishes text they have not seen */
  version?: number;
  meta?: Record<string, Prisma.InputJsonValue>;
  /** more writes that must commit with the status change (e.g. promoting a contributor) */
  alsoInTransaction?: (tx: Prisma.TransactionClient) => Promise<void>;
};

/**
 * Moves an article to another status. The UPDATE is guarded by the status (and version) the
 * caller checked, so two people acting at once cannot both win; the audit row is written in the
 * same transaction, and public caches are invalidated when the change crosses PUBLISHED.
 */
export async function transitionArticle(
  actor: Actor | null,
  head: ArticleHead,
  t: Transition,
): Promise<TransitionResult> {
  const result = await db.$transaction(async (tx) => {
    const res = await tx.article.updateMany({
      where: { id: head.id, status: head.status, ...(t.version !== undefined ? { version: t.version } : {}) },
      data: { ...t.data, status: t.to },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "文章已被他人修改或状态已变化，请刷新页面后再试。");
    await auditArticle(tx, actor?.id ?? null, t.action, head.id, { from: head.status, to: t.to, ...t.meta });
    await t.alsoInTransaction?.(tx);
    return tx.article.findUniqueOrThrow({
      where: { id: head.id },
      select: { id: true, publicId: true, status: true, publishedAt: true, scheduledAt: true },
    });
  });
  if (touchesPublic(head.status, t.to)) invalidatePublic(cacheTagsOf(head));
  return result;
}
