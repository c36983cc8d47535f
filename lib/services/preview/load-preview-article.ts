import "server-only";
import type { JSONContent } from "@tiptap/core";
import { renderArticle } from "@/lib/content/render";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { readPending, reviveFields } from "@/lib/services/articles/pending/pending-data";
import {
  articleViewSelect,
  coverSrcset,
  toArticleView,
  type PublicArticle,
} from "@/lib/services/public/get-public-article";

/** The article as the reading site would show it; unpublished ones have no publishedAt yet. */
type PreviewArticle = Omit<PublicArticle, "publishedAt"> & { publishedAt: Date | null };

export type PreviewData = {
  article: PreviewArticle;
  status: ArticleStatus;
  scheduledAt: Date | null;
  /** a live article's edits not yet applied (ArticlePendingEdit): the preview shows them */
  pending: { updatedAt: Date; editorName: string } | null;
};

const select = {
  ...articleViewSelect,
  status: true,
  scheduledAt: true,
  categoryId: true,
  deletedAt: true,
  pendingEdit: {
    select: {
      data: true,
      updatedAt: true,
      editor: { select: { profile: { select: { displayName: true } } } },
    },
  },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;
const loadRow = (id: string) => db.article.findUnique({ where: { id }, select });

/** A field the pending edit changed (an empty or null value clears it), else the row's. */
const pick = (f: Record<string, unknown>, key: string, row: string | null) =>
  key in f ? (typeof f[key] === "string" ? (f[key] as string) || null : null) : row;

/**
 * An article in any status as readers would see it, for the staff preview and preview links
 * (both decide access before calling this). Deleted articles are null. When a live article has a
 * pending edit, that edit is what the preview shows: rendered now from its tiptap JSON.
 */
export async function loadPreviewArticle(articleId: string): Promise<PreviewData | null> {
  const a = await loadRow(articleId);
  if (!a || a.deletedAt) return null;
  const article: PreviewArticle = await toArticleView(a);
  const pending = a.pendingEdit ? await withPendingEdit(article, a) : null;
  return {
    article: pending ?? article,
    status: a.status,
    scheduledAt: a.scheduledAt,
    pending:
      pending && a.pendingEdit
        ? {
            updatedAt: a.pendingEdit.updatedAt,
            editorName: a.pendingEdit.editor.profile?.displayName ?? "未知用户",
          }
        : null,
  };
}

/** The pending edit laid over the article, or null when the stored edit cannot be read or rendered. */
async function withPendingEdit(article: PreviewArticle, a: Row): Promise<PreviewArticle | null> {
  const pending = a.pendingEdit ? readPending(a.pendingEdit.data) : null;
  if (!pending) return null;
  let rendered;
  try {
    rendered = renderArticle(pending.body as JSONContent);
  } catch {
    return null;
  }
  const f = reviveFields(pending.fields);
  const [category, tags] = await Promise.all([
    typeof f.categoryId === "number" && f.categoryId !== a.categoryId
      ? db.category.findUnique({ where: { id: f.categoryId }, select: { id: true, slug: true, name: true } })
      : null,
    pending.tags
      ? db.tag.findMany({
          where: { name: { in: pending.tags } },
          select: { id: true, slug: true, name: true },
          orderBy: { name: "asc" },
        })
      : null,
  ]);
  const sourceUrl = pick(f, "sourceUrl", a.sourceUrl);
  const coverUrl = pick(f, "coverUrl", a.coverUrl);
  return {
    ...article,
    title: pending.title,
    lede: pending.lede,
    bodyHtml: rendered.html,
    bodyLength: rendered.text.length,
    coverUrl,
    // the pending cover's own renditions, never the live cover's
    coverSrcset: coverUrl === a.coverUrl ? article.coverSrcset : await coverSrcset(coverUrl),
    coverAlt: pick(f, "coverAlt", a.coverAlt),
    coverCaption: pick(f, "coverCaption", a.coverCaption),
    category: category ?? article.category,
    // a tag named for the first time has no page yet: shown by name, linking nowhere useful
    tags: tags
      ? pending.tags!.map((name) => tags.find((t) => t.name === name) ?? { id: 0, slug: "", name })
      : article.tags,
    source: sourceUrl
      ? {
          url: sourceUrl,
          title: pick(f, "sourceTitle", a.sourceTitle),
          author: pick(f, "sourceAuthor", a.sourceAuthor),
          site: pick(f, "sourceSite", a.sourceSite),
          language: pick(f, "sourceLanguage", a.sourceLanguage),
          publishedAt:
            "sourcePublishedAt" in f
              ? f.sourcePublishedAt instanceof Date
                ? f.sourcePublishedAt
                : null
              : a.sourcePublishedAt,
        }
      : null,
  };
}
