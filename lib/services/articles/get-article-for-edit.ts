import "server-only";
import type { JSONContent } from "@tiptap/core";
import { can, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { canEdit, loadVisibleArticle, refOf } from "./access";
import type { ArticleForEdit } from "./article-dto";
import { articleIdSchema } from "./schemas";

const person = { select: { id: true, profile: { select: { displayName: true } } } } as const;
const nameOf = (u: { id: string; profile: { displayName: string } | null }) => ({
  id: u.id,
  displayName: u.profile?.displayName ?? "未知用户",
});

/** The article as the editor page edits it, with what this actor may do to it. NOT_FOUND for others' drafts. */
export async function getArticleForEdit(actor: Actor | null, id: unknown): Promise<ArticleForEdit> {
  const head = await loadVisibleArticle(actor, articleIdSchema.parse(id));
  const a = await db.article.findUniqueOrThrow({
    where: { id: head.id },
    select: {
      title: true,
      lede: true,
      bodyJson: true,
      categoryId: true,
      coverUrl: true,
      coverAlt: true,
      coverCaption: true,
      seoTitle: true,
      seoDescription: true,
      sourceUrl: true,
      sourceTitle: true,
      sourceAuthor: true,
      sourceSite: true,
      sourcePublishedAt: true,
      sourceText: true,
      isContribution: true,
      commentsClosed: true,
      scheduledAt: true,
      publishedAt: true,
      updatedAt: true,
      author: person,
      translator: person,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
      corrections: {
        select: { id: true, kind: true, note: true, createdAt: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
      },
    },
  });
  const ref = refOf(head);
  return {
    id: head.id,
    publicId: head.publicId,
    status: head.status,
    version: head.version,
    title: a.title,
    lede: a.lede,
    body: a.bodyJson as JSONContent,
    categoryId: a.categoryId,
    tags: a.tags.map((t) => t.tag.name),
    coverUrl: a.coverUrl,
    coverAlt: a.coverAlt,
    coverCaption: a.coverCaption,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    sourceUrl: a.sourceUrl,
    sourceTitle: a.sourceTitle,
    sourceAuthor: a.sourceAuthor,
    sourceSite: a.sourceSite,
    sourcePublishedAt: a.sourcePublishedAt,
    sourceText: a.sourceText,
    isTranslation: Boolean(a.sourceUrl || a.sourceText),
    isContribution: a.isContribution,
    commentsClosed: a.commentsClosed,
    scheduledAt: a.scheduledAt,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    author: nameOf(a.author),
    translator: a.translator ? nameOf(a.translator) : null,
    corrections: a.corrections,
    permissions: {
      canEdit: canEdit(actor!, head),
      canSubmit: can(actor, "article.submitForReview", ref),
      canPublish: can(actor, "article.publish", ref),
      canSchedule: can(actor, "article.schedule", ref),
      canUnpublish: can(actor, "article.unpublish", ref),
    },
  };
}
