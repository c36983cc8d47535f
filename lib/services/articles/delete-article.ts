import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadVisibleArticle, refOf } from "./access";
import { articleIdSchema, versionSchema } from "./schemas";
import {
  announceTransition,
  auditArticle,
  cacheTagsOf,
  invalidatePublic,
  touchesPublic,
} from "./side-effects";
import { recordTransition } from "./transition";

export const deleteArticleSchema = z.strictObject({
  id: articleIdSchema,
  version: versionSchema.optional(),
});

/**
 * 删除 (soft): the article disappears from every list and read, and an admin can restore it from
 * the 回收站. The policy decides who: an author their own draft, an admin anything. A live or
 * scheduled article (admins only) is archived in the same transaction, with its history row, so
 * it leaves the site now and never publishes later; its public caches are invalidated.
 */
export async function deleteArticle(actor: Actor | null, input: unknown) {
  const { id, version } = deleteArticleSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertCan(actor, "article.delete", refOf(head));
  const archive = head.status === "PUBLISHED" || head.status === "SCHEDULED";
  const deletedAt = new Date();
  const data: Prisma.ArticleUncheckedUpdateManyInput = archive
    ? { deletedAt, deletedById: actor.id, status: "ARCHIVED", scheduledAt: null, version: { increment: 1 } }
    : { deletedAt, deletedById: actor.id };
  await db.$transaction(async (tx) => {
    const res = await tx.article.updateMany({
      where: { id, status: head.status, deletedAt: null, ...(version !== undefined ? { version } : {}) },
      data,
    });
    if (res.count === 0) throw new AppError("CONFLICT", "文章已被他人修改或状态已变化，请刷新页面后再试。");
    if (archive)
      await recordTransition(tx, { articleId: id, actorId: actor.id, from: head.status, to: "ARCHIVED" });
    await auditArticle(tx, actor.id, "article.delete", id, {
      status: head.status,
      ...(archive ? { archivedFrom: head.status } : {}),
    });
  });
  if (touchesPublic(head.status)) invalidatePublic(cacheTagsOf(head));
  if (archive) await announceTransition(id, head.status, "ARCHIVED"); // a live one: article.unpublished
  return { id, deletedAt };
}
