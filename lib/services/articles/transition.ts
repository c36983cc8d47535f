import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { ArticleHead } from "./access";
import {
  announceTransition,
  auditArticle,
  cacheTagsOf,
  invalidatePublic,
  touchesPublic,
} from "./side-effects";

export type TransitionResult = {
  id: string;
  publicId: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  /** every status change bumps the version, so a save based on the version before it is stale */
  version: number;
};

type Transition = {
  to: ArticleStatus;
  action: string;
  data?: Omit<Prisma.ArticleUpdateManyMutationInput, "status" | "version">;
  /** when given, the article must still be at this version: nobody publishes text they have not seen */
  version?: number;
  meta?: Record<string, Prisma.InputJsonValue>;
  /** why: the submitter's note, the reviewer's reason for sending back or declining (shown in the history) */
  note?: string | null;
  /** more writes that must commit with the status change (e.g. promoting a contributor) */
  alsoInTransaction?: (tx: Prisma.TransactionClient) => Promise<void>;
};

/**
 * Moves an article to another status. The UPDATE is guarded by the status (and version) the
 * caller checked, so two people acting at once cannot both win. In the same transaction: the
 * version is bumped (a save or autosave based on the version before the change is refused as
 * stale, so nothing unreviewed reaches a live article), the history row (who, when, from, to,
 * why), a STATUS revision snapshot of the new version, and the audit row. Public caches are
 * invalidated, and webhooks told, when the change crosses PUBLISHED.
 */
export async function transitionArticle(
  actor: Actor | null,
  head: ArticleHead,
  t: Transition,
): Promise<TransitionResult> {
  const result = await db.$transaction(async (tx) => {
    const res = await tx.article.updateMany({
      where: { id: head.id, status: head.status, ...(t.version !== undefined ? { version: t.version } : {}) },
      data: { ...t.data, status: t.to, version: { increment: 1 } },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "文章已被他人修改或状态已变化，请刷新页面后再试。");
    const actorId = actor?.id ?? null;
    await recordTransition(tx, { articleId: head.id, actorId, from: head.status, to: t.to, note: t.note });
    await auditArticle(tx, actorId, t.action, head.id, { from: head.status, to: t.to, ...t.meta });
    await t.alsoInTransaction?.(tx);
    return tx.article.findUniqueOrThrow({
      where: { id: head.id },
      select: { id: true, publicId: true, status: true, publishedAt: true, scheduledAt: true, version: true },
    });
  });
  if (touchesPublic(head.status, t.to)) invalidatePublic(cacheTagsOf(head));
  await announceTransition(head.id, head.status, t.to);
  return result;
}

type TransitionRecord = {
  articleId: string;
  actorId: string | null;
  from: ArticleStatus | null;
  to: ArticleStatus;
  note?: string | null;
};

/**
 * The history row and the STATUS revision of an already-bumped article, inside the caller's
 * transaction. Also used by writers that move status with their own UPDATE (the scheduled
 * publisher). The revision's editor is the actor, or the author when a job acted.
 */
export async function recordTransition(tx: Prisma.TransactionClient, r: TransitionRecord) {
  await tx.articleTransition.create({
    data: {
      articleId: r.articleId,
      actorId: r.actorId,
      fromStatus: r.from,
      toStatus: r.to,
      note: r.note || null,
    },
  });
  const a = await tx.article.findUniqueOrThrow({
    where: { id: r.articleId },
    select: { version: true, title: true, lede: true, bodyJson: true, authorId: true },
  });
  await tx.articleRevision.create({
    data: {
      articleId: r.articleId,
      version: a.version,
      title: a.title,
      lede: a.lede,
      bodyJson: a.bodyJson as Prisma.InputJsonValue,
      editorId: r.actorId ?? a.authorId,
      kind: "STATUS",
      status: r.to,
    },
  });
}
