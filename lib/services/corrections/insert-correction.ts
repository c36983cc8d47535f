import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditArticle } from "../articles/side-effects";
import type { CorrectionInput } from "./schemas";

/**
 * Writes one correction-log entry inside the caller's transaction, with its audit row, and moves
 * the article's updatedAt (JSON-LD dateModified, the sitemap's lastmod) to the same instant.
 */
export async function insertCorrection(
  tx: Prisma.TransactionClient,
  editorId: string,
  articleId: string,
  input: CorrectionInput,
  now: Date,
) {
  const row = await tx.articleCorrection.create({
    data: { articleId, editorId, kind: input.kind, note: input.note, createdAt: now },
    select: { id: true, kind: true, note: true, createdAt: true },
  });
  await tx.article.update({ where: { id: articleId }, data: { updatedAt: now } });
  await auditArticle(tx, editorId, "article.correction", articleId, { correctionId: row.id, kind: row.kind });
  return row;
}
