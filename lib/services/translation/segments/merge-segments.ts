import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { WorkSegment } from "@/lib/translation/types";
import { joinText } from "./join-text";
import { mergeSegmentsSchema } from "./schemas";
import {
  isCarried,
  loadEditableArticle,
  loadSegments,
  renumber,
  SEGMENT_CONFLICT_MESSAGE,
  toWorkSegment,
  workSegmentSelect,
} from "./shared";

/**
 * 与下一段合并: two adjacent text segments of the same kind become the first one (sources and
 * targets joined), the second is deleted and positions are renumbered, in one transaction. Both
 * versions must be the ones the translator saw. A merged translation is a draft again: it
 * needs a look as a whole.
 */
export async function mergeSegments(actor: Actor | null, input: unknown): Promise<WorkSegment> {
  const { articleId, firstId, secondId, versions } = mergeSegmentsSchema.parse(input);
  await loadEditableArticle(actor, articleId);
  if (firstId === secondId) throw new AppError("INVALID", "请选择两个相邻的段落进行合并。");
  const [first, second] = await loadSegments(articleId, [firstId, secondId]);
  if (first!.version !== versions[0] || second!.version !== versions[1])
    throw new AppError("CONFLICT", SEGMENT_CONFLICT_MESSAGE);
  if (isCarried(first!.kind) || isCarried(second!.kind))
    throw new AppError("INVALID", "代码、表格和图片不能与其他段落合并。");
  // a heading merged into a paragraph would change the article's structure without anyone noticing
  if (first!.kind !== second!.kind) throw new AppError("INVALID", "只能合并同一类的段落（如两个正文段落）。");

  const targetText = joinText(first!.targetText, second!.targetText);
  return db.$transaction(async (tx) => {
    const between = await tx.translationSegment.count({
      where: { articleId, position: { gt: first!.position, lt: second!.position } },
    });
    if (second!.position <= first!.position || between > 0)
      throw new AppError("INVALID", "只能合并相邻的两个段落。");
    const removed = await tx.translationSegment.deleteMany({
      where: { id: secondId, articleId, version: versions[1] },
    });
    const kept = await tx.translationSegment.updateMany({
      where: { id: firstId, articleId, version: versions[0] },
      data: {
        sourceText: joinText(first!.sourceText, second!.sourceText),
        targetText,
        status: targetText.trim() ? "DRAFT" : "UNTRANSLATED",
        machineFilled: first!.machineFilled || second!.machineFilled,
        version: versions[0] + 1,
        updatedById: actor!.id,
      },
    });
    if (removed.count === 0 || kept.count === 0) throw new AppError("CONFLICT", SEGMENT_CONFLICT_MESSAGE);
    await renumber(tx, articleId);
    return toWorkSegment(
      await tx.translationSegment.findUniqueOrThrow({ where: { id: firstId }, select: workSegmentSelect }),
    );
  });
}
