import "server-only";
import { can, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SegmentStatus } from "@/lib/generated/prisma/enums";
import { refOf } from "@/lib/services/articles/access";
import type { WorkSegment } from "@/lib/translation/types";
import { saveSegmentSchema } from "./schemas";
import {
  isCarried,
  loadEditableArticle,
  loadSegments,
  SEGMENT_CONFLICT_MESSAGE,
  toWorkSegment,
} from "./shared";

type Requested = "DRAFT" | "TRANSLATED" | "REVIEWED" | undefined;

/**
 * The status rules. A confirmation belongs to the text it confirmed: changing the text of a
 * translated or reviewed segment makes it a draft again, an autosave of unchanged text keeps
 * it. An empty target is untranslated, whatever was asked. Confirming a reviewed segment
 * without changing it does not undo the review.
 */
function nextStatus(current: SegmentStatus, textChanged: boolean, text: string, asked: Requested) {
  if (!text.trim()) {
    if (asked === "TRANSLATED" || asked === "REVIEWED")
      throw new AppError("INVALID", "这一段还没有译文，请先填写译文再确认。", {
        fieldErrors: { targetText: ["请先填写译文再确认。"] },
      });
    return "UNTRANSLATED";
  }
  if (asked === "TRANSLATED" && current === "REVIEWED" && !textChanged) return "REVIEWED";
  if (asked) return asked;
  if (!textChanged && current !== "UNTRANSLATED") return current;
  return "DRAFT";
}

/**
 * 保存一段译文 (autosave, 确认, 审校). Optimistic concurrency per segment: the UPDATE names
 * the version the translator started from, and a stale one writes nothing (CONFLICT). Only
 * those who may review the article (editors) mark a segment reviewed. Any save by a person that
 * changes or confirms the text ends its machine pre-fill mark.
 */
export async function saveSegment(actor: Actor | null, input: unknown): Promise<WorkSegment> {
  const { articleId, segmentId, version, targetText, status: asked } = saveSegmentSchema.parse(input);
  const head = await loadEditableArticle(actor, articleId);
  if (asked === "REVIEWED" && !can(actor, "article.review", refOf(head)))
    throw new AppError("FORBIDDEN", "只有编辑可以将段落标记为已审校。");
  const [current] = await loadSegments(articleId, [segmentId]);
  if (isCarried(current!.kind))
    throw new AppError("INVALID", "代码、表格和图片会原样保留到正文中，无需翻译。");
  if (current!.version !== version) throw new AppError("CONFLICT", SEGMENT_CONFLICT_MESSAGE);

  const textChanged = targetText !== current!.targetText;
  const status = nextStatus(current!.status, textChanged, targetText, asked);
  const machineFilled = current!.machineFilled && !textChanged && !asked;
  // the article's status is part of the guard: a translator's draft sent to review meanwhile is not written
  const res = await db.translationSegment.updateMany({
    where: { id: segmentId, articleId, version, article: { status: head.status } },
    data: { targetText, status, machineFilled, version: version + 1, updatedById: actor!.id },
  });
  if (res.count === 0) throw new AppError("CONFLICT", SEGMENT_CONFLICT_MESSAGE);
  return toWorkSegment({ ...current!, targetText, status, machineFilled, version: version + 1 });
}
