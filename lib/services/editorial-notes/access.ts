import "server-only";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { loadVisibleArticle, type ArticleHead } from "@/lib/services/articles/access";

/** Roles that take part in editorial notes. Readers and contributors never see them. */
export const NOTE_ROLES: ReadonlySet<Role> = new Set(["TRANSLATOR", "EDITOR", "ADMIN"]);

/**
 * The article, if the actor may read its editorial notes: a staff role (translator, editor,
 * admin) that may also open the article in the workspace, so a translator sees the notes of the
 * articles they write or translate, editors and admins those of every article.
 */
export async function loadNotesArticle(actor: Actor | null, id: string): Promise<ArticleHead> {
  const head = await loadVisibleArticle(actor, id);
  if (!NOTE_ROLES.has(actor!.role)) throw new AppError("FORBIDDEN", "编辑备注仅对译者、编辑和管理员开放。");
  return head;
}
