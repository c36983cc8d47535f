import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { REPORT_REASONS } from "@/lib/comments/report-reasons";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rowIdSchema } from "@/lib/public-id";
import { safeText } from "@/lib/validation";
import { hitReportLimit } from "./comment-limits";
import { isUniqueViolation } from "./idempotency";

const DETAIL_REQUIRED = "选择“其他”时，请简单说明原因。";

export const reportCommentSchema = z
  .strictObject({
    id: rowIdSchema("这条评论不存在或已被处理。"),
    reason: z.enum(REPORT_REASONS, { error: "请选择举报原因。" }),
    detail: safeText(500).optional().default(""),
  })
  .refine((r) => r.reason !== "other" || r.detail.length > 0, { message: DETAIL_REQUIRED, path: ["detail"] });
export type ReportCommentInput = z.input<typeof reportCommentSchema>;

export const ALREADY_REPORTED = "你已经举报过这条评论。";

/**
 * 举报: a signed-in reader flags a comment shown on a published article for the moderators'
 * 被举报 filter. One report per reader and comment (unique index): a second one is refused with a
 * CONFLICT that says so, rather than a silent success, so the reader knows the first one counted.
 * Not one's own comment; at most 20 reports an hour per account.
 */
export async function reportComment(actor: Actor | null, input: ReportCommentInput): Promise<{ id: string }> {
  assertCan(actor, "comment.create");
  const { id, reason, detail } = reportCommentSchema.parse(input);
  const now = new Date();
  const comment = await db.comment.findFirst({
    where: { id, status: "APPROVED", article: { status: "PUBLISHED", publishedAt: { lte: now } } },
    select: { authorId: true },
  });
  if (!comment) throw new AppError("NOT_FOUND", "这条评论不存在或已被处理。");
  if (comment.authorId === actor.id) throw new AppError("FORBIDDEN", "不能举报自己的评论。");
  const mine = { commentId_reporterId: { commentId: id, reporterId: actor.id } };
  // checked before the limit, so asking twice does not use up the reader's allowance
  if (await db.commentReport.findUnique({ where: mine, select: { id: true } }))
    throw new AppError("CONFLICT", ALREADY_REPORTED);
  await hitReportLimit(actor.id);
  try {
    const report = await db.commentReport.create({
      data: { commentId: id, reporterId: actor.id, reason, detail },
      select: { id: true },
    });
    return report;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", ALREADY_REPORTED);
    throw e;
  }
}
