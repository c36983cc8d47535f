import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { articleIdSchema } from "./schemas";
import { auditArticle } from "./side-effects";
import { mayUseTrash } from "./list/trash";

export const restoreDeletedArticleSchema = z.strictObject({ id: articleIdSchema });

/**
 * 恢复 (回收站, admins): a deleted article comes back with the status it had when deleted: a
 * draft stays a draft, a live one was archived on deletion and stays archived, so nothing
 * returns to the site without someone publishing it again.
 */
export async function restoreDeletedArticle(actor: Actor | null, input: unknown) {
  const { id } = restoreDeletedArticleSchema.parse(input);
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!mayUseTrash(actor)) throw new AppError("FORBIDDEN", "只有管理员可以恢复已删除的文章。");
  return db.$transaction(async (tx) => {
    const a = await tx.article.findFirst({
      where: { id, deletedAt: { not: null } },
      select: { status: true, deletedAt: true, deletedById: true },
    });
    if (!a) throw new AppError("NOT_FOUND", "回收站里没有这篇文章，它可能已被恢复。");
    const res = await tx.article.updateMany({
      where: { id, deletedAt: a.deletedAt },
      data: { deletedAt: null, deletedById: null },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "这篇文章刚被他人恢复或修改，请刷新页面。");
    await auditArticle(tx, actor.id, "article.restore", id, {
      status: a.status,
      deletedAt: a.deletedAt!.toISOString(),
      deletedById: a.deletedById,
    });
    return { id, status: a.status };
  });
}
