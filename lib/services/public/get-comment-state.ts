import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { getCommentSettings } from "@/lib/comments/settings";
import { db } from "@/lib/db";
import { config } from "./cache-profile";

/** Why the form is not shown: this article (an editor closed it) or the whole site (an admin did). */
export type CommentsClosed = "article" | "site" | null;
export type CommentState = { count: number; closed: CommentsClosed };

/**
 * What every reader sees about an article's comments: the approved count (Article.commentCount,
 * kept by the write and moderation services) and whether posting is closed. Part of the cached
 * article page, so it is tagged with everything that changes it: comment changes (the count),
 * the article (its switch) and the settings (the site switch; the rules page may invalidate either
 * the settings or the article lists, so both are named). The write transaction checks again: this
 * is only what the page says.
 */
export async function getCommentState(articleId: string): Promise<CommentState> {
  "use cache";
  cacheLife(config);
  cacheTag(tags.comments(articleId), tags.article(articleId), tags.settings(), tags.articles());
  const [article, settings] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { commentCount: true, commentsClosed: true } }),
    getCommentSettings(),
  ]);
  const closed: CommentsClosed = !settings.enabled ? "site" : article?.commentsClosed ? "article" : null;
  return { count: Math.max(0, article?.commentCount ?? 0), closed };
}

export const CLOSED_MESSAGES: Record<Exclude<CommentsClosed, null>, string> = {
  article: "本文已关闭评论",
  site: "本站评论已关闭",
};
