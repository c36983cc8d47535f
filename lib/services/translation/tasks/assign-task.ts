import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle } from "@/lib/services/articles/access";
import { assignTaskSchema, claimTaskSchema } from "./schemas";
import { assertTranslator } from "./translators";

const NOT_A_TASK = "这篇文章不是待翻译的草稿，不能分配。";

/**
 * 分配 / 改派 (editors): sets the translator (also credited as author) and the due time of a
 * translation that is still a draft. An empty translator puts it back in 待认领.
 */
export async function assignTranslationTask(actor: Actor | null, input: unknown) {
  assertCan(actor, "translation.assign");
  const { articleId, translatorId, dueAt } = assignTaskSchema.parse(input);
  const head = await loadVisibleArticle(actor, articleId);
  if (translatorId) await assertTranslator(translatorId);
  const res = await db.$transaction(async (tx) => {
    const r = await tx.article.updateMany({
      where: { id: head.id, status: "DRAFT", sourceUrl: { not: null } },
      data: {
        translatorId: translatorId || null,
        authorId: translatorId || actor.id,
        assignedById: actor.id,
        translationDueAt: dueAt,
        version: { increment: 1 },
      },
    });
    if (r.count === 0) throw new AppError("INVALID", NOT_A_TASK);
    await audit(tx, {
      actorId: actor.id,
      action: "translation.assign",
      targetType: "article",
      targetId: head.id,
      meta: { translatorId: translatorId || null, dueAt: dueAt?.toISOString() ?? null },
    });
    return r;
  });
  return { assigned: res.count === 1 };
}

/**
 * 认领 (translators): takes an unassigned translation task. One UPDATE guarded by "nobody has it
 * yet", so two translators claiming at once cannot both win.
 */
export async function claimTranslationTask(actor: Actor | null, input: unknown) {
  assertCan(actor, "translation.claim");
  const { articleId } = claimTaskSchema.parse(input);
  return db.$transaction(async (tx) => {
    const r = await tx.article.updateMany({
      where: { id: articleId, status: "DRAFT", sourceUrl: { not: null }, translatorId: null },
      data: { translatorId: actor.id, authorId: actor.id, version: { increment: 1 } },
    });
    if (r.count === 0) throw new AppError("CONFLICT", "这个翻译任务已被认领或已不存在，请刷新列表。");
    await audit(tx, {
      actorId: actor.id,
      action: "translation.claim",
      targetType: "article",
      targetId: articleId,
    });
    return { id: articleId };
  });
}
