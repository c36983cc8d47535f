import "server-only";
import { findPreviewArticleId } from "./find-preview-article-id";
import { loadPreviewArticle, type PreviewData } from "./load-preview-article";

/** /preview/[token]: the article as readers would see it, or null (the page answers 404). */
export async function getLinkPreview(token: unknown, now: Date = new Date()): Promise<PreviewData | null> {
  const articleId = await findPreviewArticleId(token, now);
  return articleId ? loadPreviewArticle(articleId) : null;
}
