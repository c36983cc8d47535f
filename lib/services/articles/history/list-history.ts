import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { loadVisibleArticle, refOf } from "../access";
import { articleIdSchema } from "../schemas";

export type HistoryEntry = {
  id: string;
  actorName: string | null;
  from: ArticleStatus | null;
  to: ArticleStatus;
  note: string | null;
  at: Date;
};

const LIMIT = 200;

/** 流转记录: who moved the article from which status to which, when and why; oldest first. */
export async function listHistory(actor: Actor | null, id: unknown): Promise<HistoryEntry[]> {
  const head = await loadVisibleArticle(actor, articleIdSchema.parse(id));
  assertCan(actor, "article.viewDraft", refOf(head));
  const rows = await db.articleTransition.findMany({
    where: { articleId: head.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      createdAt: true,
      actor: { select: { profile: { select: { displayName: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    actorName: r.actor ? (r.actor.profile?.displayName ?? "未知用户") : null,
    from: r.fromStatus,
    to: r.toStatus,
    note: r.note,
    at: r.createdAt,
  }));
}
