import "server-only";
import { can, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { canEdit, loadVisibleArticle, refOf } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import type { WorkSegment } from "@/lib/translation/types";
import { progressOf, type SegmentProgress } from "./progress";
import { toWorkSegment, workSegmentSelect } from "./shared";

export type TranslationWork = {
  article: {
    id: string;
    publicId: string;
    title: string;
    status: ArticleStatus;
    /** the article's version, for 生成正文 (conflict-protected like any save) */
    version: number;
    sourceUrl: string | null;
    sourceTitle: string | null;
    sourceSite: string | null;
    sourceAuthor: string | null;
    sourcePublishedAt: Date | null;
    hasSnapshot: boolean;
    sourceChangedAt: Date | null;
    translationDueAt: Date | null;
  };
  segments: WorkSegment[];
  progress: SegmentProgress;
  permissions: { canEdit: boolean; canReview: boolean };
};

/** 双语翻译: the article's head and its segments in order, for whoever may see the article. */
export async function listSegments(actor: Actor | null, articleId: unknown): Promise<TranslationWork> {
  const id = articleIdSchema.parse(articleId);
  const head = await loadVisibleArticle(actor, id);
  const [article, rows] = await Promise.all([
    db.article.findUniqueOrThrow({
      where: { id },
      select: {
        title: true,
        sourceUrl: true,
        sourceTitle: true,
        sourceSite: true,
        sourceAuthor: true,
        sourcePublishedAt: true,
        sourceSnapshotId: true,
        sourceChangedAt: true,
        translationDueAt: true,
      },
    }),
    db.translationSegment.findMany({
      where: { articleId: id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: workSegmentSelect,
    }),
  ]);
  const segments = rows.map(toWorkSegment);
  const { sourceSnapshotId, ...rest } = article;
  return {
    article: {
      id,
      publicId: head.publicId,
      status: head.status,
      version: head.version,
      ...rest,
      hasSnapshot: sourceSnapshotId !== null,
    },
    segments,
    progress: progressOf(segments),
    permissions: {
      canEdit: canEdit(actor!, head),
      canReview: can(actor, "article.review", refOf(head)),
    },
  };
}
