import "server-only";
import { db } from "@/lib/db";
import { absoluteUrl } from "@/lib/site-url";
import { emitWebhookEvent } from "./emit";

/**
 * The services' side of webhooks: what each event says, read after the change committed. Only
 * what readers can see goes out: an article that is not public (yet) sends nothing, and a
 * pending edit of a live article is never read (its text is not public until 更新).
 */

const postUrl = (publicId: string) => absoluteUrl(`/posts/${publicId}`);

async function publicArticle(articleId: string) {
  const a = await db.article.findFirst({
    where: { id: articleId, status: "PUBLISHED", publishedAt: { lte: new Date() }, deletedAt: null },
    select: {
      publicId: true,
      title: true,
      lede: true,
      publishedAt: true,
      updatedAt: true,
      sourceUrl: true,
      category: { select: { slug: true, name: true } },
      tags: { select: { tag: { select: { slug: true } } } },
    },
  });
  if (!a) return null;
  return {
    publicId: a.publicId,
    url: postUrl(a.publicId),
    title: a.title,
    lede: a.lede,
    publishedAt: a.publishedAt!.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    category: a.category,
    tags: a.tags.map((t) => t.tag.slug),
    isTranslation: a.sourceUrl !== null,
  };
}

/** article.published or article.updated (a live article's text changed). */
export function emitArticleEvent(event: "article.published" | "article.updated", articleId: string) {
  return emitWebhookEvent(event, async () => {
    const article = await publicArticle(articleId);
    return article && { article };
  });
}

export function emitArticleUnpublished(articleId: string) {
  return emitWebhookEvent("article.unpublished", async () => {
    const a = await db.article.findUnique({
      where: { id: articleId },
      select: { publicId: true, title: true },
    });
    return (
      a && {
        article: { publicId: a.publicId, url: postUrl(a.publicId), title: a.title },
        unpublishedAt: new Date().toISOString(),
      }
    );
  });
}

/** One comment.approved per newly approved comment on a public article. */
export async function emitCommentsApproved(commentIds: string[]) {
  for (const id of commentIds) {
    await emitWebhookEvent("comment.approved", async () => {
      const c = await db.comment.findFirst({
        where: {
          id,
          status: "APPROVED",
          article: { status: "PUBLISHED", publishedAt: { lte: new Date() }, deletedAt: null },
        },
        select: {
          body: true,
          createdAt: true,
          author: { select: { profile: { select: { displayName: true } } } },
          article: { select: { publicId: true, title: true } },
        },
      });
      if (!c) return null;
      const articleUrl = postUrl(c.article.publicId);
      return {
        comment: {
          id,
          url: `${articleUrl}#comment-${id}`,
          body: c.body,
          authorName: c.author.profile?.displayName ?? "",
          createdAt: c.createdAt.toISOString(),
        },
        article: { publicId: c.article.publicId, url: articleUrl, title: c.article.title },
      };
    });
  }
}

/** translation.source_changed: the English source of a published translation changed (原文已更新). */
export function emitSourceChanged(articleId: string, changedAt: Date) {
  return emitWebhookEvent("translation.source_changed", async () => {
    const a = await db.article.findFirst({
      where: { id: articleId, status: "PUBLISHED", publishedAt: { lte: new Date() }, deletedAt: null },
      select: { publicId: true, title: true, sourceUrl: true },
    });
    if (!a?.sourceUrl) return null;
    return {
      article: { publicId: a.publicId, url: postUrl(a.publicId), title: a.title },
      source: { url: a.sourceUrl, changedAt: changedAt.toISOString() },
    };
  });
}
