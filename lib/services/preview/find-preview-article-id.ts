import "server-only";
import { db } from "@/lib/db";
import { hashPreviewToken, previewTokenSchema } from "./token";

/**
 * The article a preview link opens, or null: a malformed token, an unknown one, an expired or
 * revoked link and a deleted article all answer the same. The lookup is by hash only.
 */
export async function findPreviewArticleId(token: unknown, now: Date = new Date()): Promise<string | null> {
  const parsed = previewTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const link = await db.previewLink.findUnique({
    where: { tokenHash: hashPreviewToken(parsed.data) },
    select: { articleId: true, expiresAt: true, revokedAt: true, article: { select: { deletedAt: true } } },
  });
  if (!link || link.revokedAt || link.expiresAt <= now || link.article.deletedAt) return null;
  return link.articleId;
}
