import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { assertEditable, loadVisibleArticle } from "./access";
import { assertCategory } from "./create-article";
import { saveContent } from "./save-content";
import { articleIdSchema, optionalArticleFields, versionSchema } from "./schemas";

/** A save: the article id, the version the editor started from, and only the fields it changes. */
export const updateArticleSchema = z.strictObject({
  id: articleIdSchema,
  version: versionSchema,
  ...optionalArticleFields,
});

export type SavedArticle = { id: string; version: number; updatedAt: Date };

/**
 * 保存. Authors edit their own drafts; editors any article (a live one is re-rendered and its
 * pages invalidated). A save from a stale version is refused with CONFLICT and changes nothing.
 */
export async function updateArticle(actor: Actor | null, input: unknown): Promise<SavedArticle> {
  const { id, version, title, lede, body, tags, categoryId, ...fields } = updateArticleSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertEditable(actor!, head);
  if (categoryId !== undefined) await assertCategory(categoryId);
  // becoming a translation credits the author as translator, as creating one does
  const translatorId = fields.sourceUrl && !head.translatorId ? { translatorId: head.authorId } : {};
  const sourceLanguage =
    fields.sourceUrl !== undefined ? { sourceLanguage: fields.sourceUrl ? "en" : null } : {};
  return saveContent(actor!, head, version, {
    title,
    lede,
    body,
    tags,
    fields: {
      ...fields,
      ...translatorId,
      ...sourceLanguage,
      ...(categoryId !== undefined ? { categoryId } : {}),
    },
  });
}
