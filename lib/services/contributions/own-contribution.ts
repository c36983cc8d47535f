import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { headSelect, type ArticleHead } from "@/lib/services/articles/access";

/**
 * One of the actor's own contributions. Anything else (someone else's, a staff article, a deleted
 * one) answers NOT_FOUND, so ids cannot be probed. Readers hold no article grant: ownership of a
 * contribution is the whole rule, and each use case adds its status rule.
 */
export async function loadOwnContribution(actor: Actor | null, id: string): Promise<ArticleHead> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.status !== "ACTIVE") throw new AppError("FORBIDDEN");
  const head = await db.article.findFirst({
    where: { id, authorId: actor.id, isContribution: true, deletedAt: null },
    select: headSelect,
  });
  if (!head) throw new AppError("NOT_FOUND", "没有找到这篇投稿。");
  return head;
}

export type Decision = { reason: string | null; isWithdrawn: boolean };

/**
 * What the latest status change of each contribution says to its reader: the editor's reason
 * when it was returned or declined, or that the reader withdrew it themselves.
 */
export async function latestDecisions(
  articleIds: string[],
  authorId: string,
): Promise<Map<string, Decision>> {
  if (!articleIds.length) return new Map();
  const rows = await db.articleTransition.findMany({
    where: { articleId: { in: articleIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["articleId"],
    select: { articleId: true, note: true, actorId: true, fromStatus: true, toStatus: true },
  });
  const out = new Map<string, Decision>();
  for (const r of rows) {
    const byEditor = r.actorId !== authorId && r.fromStatus === "IN_REVIEW" && r.toStatus !== "IN_REVIEW";
    out.set(r.articleId, {
      reason: byEditor ? r.note : null,
      isWithdrawn: r.actorId === authorId && r.toStatus === "ARCHIVED",
    });
  }
  return out;
}
