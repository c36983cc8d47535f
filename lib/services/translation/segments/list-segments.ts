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
  /** what an image segment shows in place of the image (its caption, alt text or file name) */
  imageNotes: Record<string, string>;
  progress: SegmentProgress;
  permissions: { canEdit: boolean; canReview: boolean };
};

function imageNote(node: unknown): string {
  const attrs = (node as { attrs?: Record<string, unknown> } | null)?.attrs ?? {};
  const text = [attrs.caption, attrs.alt].find((v) => typeof v === "string" && v.trim());
  if (text) return String(text).trim();
  const src = typeof attrs.src === "string" ? attrs.src : "";
  return src.split(/[/?#]/).filter(Boolean).at(-1) ?? "";
}

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
      select: { ...workSegmentSelect, sourceNode: true },
    }),
  ]);
  const segments = rows.map(toWorkSegment);
  const imageNotes = Object.fromEntries(
    rows.filter((r) => r.kind === "IMAGE").map((r) => [r.id, imageNote(r.sourceNode)]),
  );
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
    imageNotes,
    progress: progressOf(segments),
    permissions: {
      canEdit: canEdit(actor!, head),
      canReview: can(actor, "article.review", refOf(head)),
    },
  };
}
