import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ArticleForEdit } from "../article-dto";
import { getArticleForEdit } from "../get-article-for-edit";
import { readPending, reviveFields } from "./pending-data";

export type PendingEditInfo = { updatedAt: Date; editorName: string };
export type ArticleWithPending = ArticleForEdit & { pendingEdit: PendingEditInfo | null };

/**
 * The article as the editor edits it: a live article's pending edit, when there is one, laid over
 * the row (getArticleForEdit checks visibility: NOT_FOUND for others' drafts).
 */
export async function getArticleWithPending(actor: Actor | null, id: unknown): Promise<ArticleWithPending> {
  const article = await getArticleForEdit(actor, id);
  const row = await db.articlePendingEdit.findUnique({
    where: { articleId: article.id },
    select: {
      data: true,
      updatedAt: true,
      editor: { select: { profile: { select: { displayName: true } } } },
    },
  });
  const pending = row ? readPending(row.data) : null;
  if (!row || !pending) return { ...article, pendingEdit: null };
  const f = reviveFields(pending.fields) as Partial<ArticleForEdit> & Record<string, unknown>;
  const pick = <K extends keyof ArticleForEdit>(k: K): ArticleForEdit[K] =>
    k in f ? (f[k] as ArticleForEdit[K]) : article[k];
  return {
    ...article,
    title: pending.title,
    lede: pending.lede,
    body: pending.body,
    tags: pending.tags ?? article.tags,
    categoryId: pick("categoryId"),
    coverUrl: pick("coverUrl"),
    coverAlt: pick("coverAlt"),
    coverCaption: pick("coverCaption"),
    seoTitle: pick("seoTitle"),
    seoDescription: pick("seoDescription"),
    sourceUrl: pick("sourceUrl"),
    sourceTitle: pick("sourceTitle"),
    sourceAuthor: pick("sourceAuthor"),
    sourceSite: pick("sourceSite"),
    sourcePublishedAt: pick("sourcePublishedAt"),
    sourceText: pick("sourceText"),
    pendingEdit: { updatedAt: row.updatedAt, editorName: row.editor.profile?.displayName ?? "未知用户" },
  };
}
