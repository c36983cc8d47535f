import "server-only";
import { can, type Actor, type ArticleRef } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

/** What authorization and cache invalidation need to know about an article. */
export type ArticleHead = {
  id: string;
  publicId: string;
  status: ArticleStatus;
  version: number;
  authorId: string;
  translatorId: string | null;
  category: { slug: string };
  tags: { tag: { slug: string } }[];
};

/** The columns of an ArticleHead (also for loaders with their own ownership rule, e.g. contributions). */
export const headSelect = {
  id: true,
  publicId: true,
  status: true,
  version: true,
  authorId: true,
  translatorId: true,
  category: { select: { slug: true } },
  tags: { select: { tag: { select: { slug: true } } } },
} as const;

export const refOf = (a: Pick<ArticleHead, "authorId" | "translatorId" | "status">): ArticleRef => ({
  kind: "article",
  authorId: a.authorId,
  translatorId: a.translatorId,
  status: a.status,
});

export const canEdit = (actor: Actor, a: ArticleHead) =>
  can(actor, "article.editAny", refOf(a)) || can(actor, "article.editOwn", refOf(a));

/**
 * Loads an article the actor may see in the workspace. Someone else's draft answers exactly like
 * an unknown id (NOT_FOUND, never FORBIDDEN), so ids cannot be probed for existence.
 */
export async function loadVisibleArticle(actor: Actor | null, id: string): Promise<ArticleHead> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  // a soft-deleted article is gone from the workspace: only an admin's 回收站 restores it
  const article = await db.article.findUnique({ where: { id, deletedAt: null }, select: headSelect });
  if (!article || !can(actor, "article.viewDraft", refOf(article)))
    throw new AppError("NOT_FOUND", "没有找到这篇文章，它可能已被删除，或你没有查看权限。");
  return article;
}

export function assertEditable(actor: Actor, a: ArticleHead) {
  if (canEdit(actor, a)) return;
  throw new AppError(
    "FORBIDDEN",
    a.status === "IN_REVIEW"
      ? "稿件正在审核中，暂时不能修改；如需修改请联系编辑退回。"
      : "这篇文章当前不能由你修改，如需修改请联系编辑。",
  );
}
