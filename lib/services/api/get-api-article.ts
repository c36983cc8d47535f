import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { lists } from "@/lib/services/public/cache-profile";
import { getPublicArticle, type PublicArticle } from "@/lib/services/public/get-public-article";

/**
 * GET /api/v1/articles/{publicId}: the article page's own read (getPublicArticle: published and
 * not future-dated, body HTML through currentBodyHtml) plus the body's stored plain text. Null for
 * drafts, scheduled and unknown ids alike.
 */
export async function getApiArticle(publicId: string): Promise<(PublicArticle & { text: string }) | null> {
  const article = await getPublicArticle(publicId);
  if (!article) return null;
  return { ...article, text: await getBodyText(article.id) };
}

/** bodyText is written with bodyHtml on every save, so both describe the same version */
async function getBodyText(articleId: string): Promise<string> {
  "use cache";
  cacheLife(lists);
  cacheTag(tags.article(articleId));
  const row = await db.article.findUnique({ where: { id: articleId }, select: { bodyText: true } });
  return row?.bodyText ?? "";
}
