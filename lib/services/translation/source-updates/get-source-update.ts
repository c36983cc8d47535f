import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { canEdit, loadVisibleArticle } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { affectedSegments, type AffectedSegment } from "@/lib/translation/diff/affected-segments";
import { diffSegments, type SegmentDiffEntry } from "@/lib/translation/diff/segment-diff";
import { snapshotSelect, toSnapshotView, type SnapshotView } from "./snapshot-view";

export type SourceUpdate = {
  article: {
    id: string;
    title: string;
    status: ArticleStatus;
    sourceUrl: string | null;
    sourceChangedAt: Date | null;
    sourceCheckedAt: Date | null;
  };
  /** the snapshot the translation was made from */
  current: SnapshotView | null;
  /** the newest fetch, when it differs from current (原文已更新) */
  newest: SnapshotView | null;
  diff: SegmentDiffEntry[] | null;
  affected: AffectedSegment[];
  canAcknowledge: boolean;
};

/**
 * 原文快照: what the translation was made from and, when the source changed since, the segment
 * diff and the translation segments it touches. Anyone who may see the article in the workspace.
 */
export async function getSourceUpdate(actor: Actor | null, articleId: unknown): Promise<SourceUpdate> {
  const head = await loadVisibleArticle(actor, articleIdSchema.parse(articleId));
  const a = await db.article.findUnique({
    where: { id: head.id },
    select: {
      id: true,
      title: true,
      status: true,
      sourceUrl: true,
      sourceChangedAt: true,
      sourceCheckedAt: true,
      sourceSnapshot: { select: snapshotSelect },
    },
  });
  if (!a) throw new AppError("NOT_FOUND", "没有找到这篇文章，它可能已被删除。");
  const { sourceSnapshot, ...article } = a;
  const current = sourceSnapshot ? toSnapshotView(sourceSnapshot) : null;
  const canAcknowledge = !!a.sourceChangedAt && canEdit(actor!, head);
  const base = { article, current, canAcknowledge };
  if (!current || !a.sourceChangedAt) return { ...base, newest: null, diff: null, affected: [] };
  const newestRow = await db.sourceSnapshot.findFirst({
    where: { articleId: a.id },
    orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
    select: snapshotSelect,
  });
  if (!newestRow || newestRow.id === current.id) return { ...base, newest: null, diff: null, affected: [] };
  const newest = toSnapshotView(newestRow);
  const diff = diffSegments(current.segments, newest.segments);
  const rows = await db.translationSegment.findMany({
    where: { articleId: a.id },
    select: { id: true, position: true, kind: true, sourceText: true },
    orderBy: { position: "asc" },
  });
  return { ...base, newest, diff, affected: affectedSegments(diff, current.segments, rows) };
}
