import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkSegment } from "@/lib/translation/types";
import { splitAt } from "./join-text";
import { splitSegmentSchema } from "./schemas";
import {
  isCarried,
  loadEditableArticle,
  loadSegments,
  renumber,
  SEGMENT_CONFLICT_MESSAGE,
  toWorkSegment,
  workSegmentSelect,
} from "./shared";

const statusOf = (text: string) => (text.trim() ? ("DRAFT" as const) : ("UNTRANSLATED" as const));

/**
 * 在光标处拆分: the source splits at sourceOffset (both halves must keep some text), the
 * target at targetOffset; the second halves become a new segment right after, of the same kind
 * (a list item stays in its list). Returns both segments; positions renumbered in the transaction.
 */
export async function splitSegment(actor: Actor | null, input: unknown): Promise<[WorkSegment, WorkSegment]> {
  const { articleId, segmentId, version, sourceOffset, targetOffset } = splitSegmentSchema.parse(input);
  await loadEditableArticle(actor, articleId);
  const [seg] = await loadSegments(articleId, [segmentId]);
  if (isCarried(seg!.kind)) throw new AppError("INVALID", "代码、表格和图片不能拆分。");
  if (seg!.version !== version) throw new AppError("CONFLICT", SEGMENT_CONFLICT_MESSAGE);
  const source = splitAt(seg!.sourceText, sourceOffset);
  if (!source || !source[0] || !source[1])
    throw new AppError("INVALID", "请在原文中间选择拆分位置：拆开后的两段原文都不能为空。");
  const target = splitAt(seg!.targetText, targetOffset);
  if (!target) throw new AppError("INVALID", "译文的拆分位置无效，请把光标放在译文中后重试。");

  return db.$transaction(async (tx) => {
    const kept = await tx.translationSegment.updateMany({
      where: { id: segmentId, articleId, version },
      data: {
        sourceText: source[0],
        targetText: target[0],
        status: statusOf(target[0]),
        version: version + 1,
        updatedById: actor!.id,
      },
    });
    if (kept.count === 0) throw new AppError("CONFLICT", SEGMENT_CONFLICT_MESSAGE);
    await tx.translationSegment.updateMany({
      where: { articleId, position: { gt: seg!.position } },
      data: { position: { increment: 1 } },
    });
    const created = await tx.translationSegment.create({
      data: {
        articleId,
        position: seg!.position + 1,
        kind: seg!.kind,
        sourceText: source[1],
        sourceNode: (seg!.sourceNode ?? undefined) as Prisma.InputJsonValue | undefined,
        targetText: target[1],
        status: statusOf(target[1]),
        machineFilled: seg!.machineFilled && Boolean(target[1]),
        updatedById: actor!.id,
      },
      select: { id: true },
    });
    await renumber(tx, articleId);
    const rows = await tx.translationSegment.findMany({
      where: { id: { in: [segmentId, created.id] } },
      orderBy: { position: "asc" },
      select: workSegmentSelect,
    });
    return [toWorkSegment(rows[0]!), toWorkSegment(rows[1]!)];
  });
}
