import "server-only";
import { notifyContributionPublished } from "@/lib/services/contributions/notify-published";
import { promoteContributor } from "@/lib/services/contributions/promote-contributor";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { nudgeScheduledPublisher } from "@/lib/jobs/scheduler-nudge";
import { AppError } from "@/lib/errors";
import { recordMemory } from "@/lib/services/translation/memory/record-memory";
import { assertTranslationQa } from "@/lib/services/translation/translation-qa";
import { loadVisibleArticle, refOf } from "./access";
import { coverAltProblem } from "./body-schema";
import { articleIdSchema, versionSchema } from "./schemas";
import { transitionArticle } from "./transition";

const MAX_SCHEDULE_AHEAD_MS = 366 * 86_400_000;

export const publishArticleSchema = z.strictObject({
  id: articleIdSchema,
  version: versionSchema.optional(),
  /** set: 定时发布 at that moment; absent or null: 立即发布 */
  scheduledAt: z
    .string()
    .max(40)
    .refine((s) => !Number.isNaN(Date.parse(s)), "定时发布时间格式无效。")
    .transform((s) => new Date(s))
    .nullish(),
});

const PUBLISHABLE = new Set(["DRAFT", "IN_REVIEW", "SCHEDULED"]);

/**
 * 发布 / 定时发布 (editors and admins). DRAFT, IN_REVIEW or SCHEDULED → PUBLISHED now, or →
 * SCHEDULED for a future moment (lib/services/articles/publish-due-scheduled.ts publishes it).
 * A re-published article keeps its first publication date so it does not jump to the top.
 */
export async function publishArticle(actor: Actor | null, input: unknown) {
  const { id, version, scheduledAt } = publishArticleSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertCan(actor, scheduledAt ? "article.schedule" : "article.publish", refOf(head));
  if (!PUBLISHABLE.has(head.status)) {
    throw new AppError(
      "INVALID",
      head.status === "PUBLISHED" ? "这篇文章已经发布。" : "已归档的文章请先撤回为草稿，再发布。",
    );
  }
  const a = await db.article.findUniqueOrThrow({
    where: { id },
    select: { title: true, bodyText: true, publishedAt: true, coverUrl: true, coverAlt: true },
  });
  if (!a.title.trim() || !a.bodyText.trim())
    throw new AppError("INVALID", "标题和正文都不能为空，请补充后再发布。");
  const cover = coverAltProblem(a);
  if (cover) throw new AppError("INVALID", cover, { fieldErrors: { coverAlt: [cover] } });
  // a translation's severe QA findings stop publishing, scheduled or not
  await assertTranslationQa(id, "publish");

  if (scheduledAt) {
    const ahead = scheduledAt.getTime() - Date.now();
    if (ahead <= 0)
      throw new AppError("INVALID", "定时发布时间必须晚于现在。", {
        fieldErrors: { scheduledAt: ["请选择将来的时间。"] },
      });
    if (ahead > MAX_SCHEDULE_AHEAD_MS)
      throw new AppError("INVALID", "定时发布最多提前一年。", {
        fieldErrors: { scheduledAt: ["请选择一年以内的时间。"] },
      });
    const scheduled = await transitionArticle(actor, head, {
      to: "SCHEDULED",
      action: "article.schedule",
      version,
      data: { scheduledAt },
      meta: { scheduledAt: scheduledAt.toISOString() },
    });
    nudgeScheduledPublisher(scheduledAt); // goes out on time even before the scheduler's next tick
    return scheduled;
  }
  return transitionArticle(actor, head, {
    to: "PUBLISHED",
    action: "article.publish",
    version,
    data: { publishedAt: a.publishedAt ?? new Date(), scheduledAt: null },
    alsoInTransaction: async (tx) => {
      await promoteContributor(tx, head.authorId, actor.id);
      await notifyContributionPublished(tx, id);
      // reviewed segments of a published translation feed the translation memory
      await recordMemory(tx, id);
    },
  });
}
