import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { assertBodyMedia } from "@/lib/services/media/body-media-problem";
import { assertEditable, loadVisibleArticle, type ArticleHead } from "./access";
import { assertCategory } from "./create-article";
import { saveContent, type ContentChanges, type SaveResult } from "./save-content";
import { articleIdSchema, optionalArticleFields, versionSchema } from "./schemas";

/**
 * A save: the article id, the version the editor started from, whether it is a 保存 the writer
 * asked for or an autosave (which leaves a revision at most every five minutes), and only the
 * fields it changes. Callers that do not say are manual saves.
 */
export const updateArticleSchema = z.strictObject({
  id: articleIdSchema,
  version: versionSchema,
  kind: z.enum(["MANUAL", "AUTOSAVE"], { error: "保存方式无效。" }).optional(),
  ...optionalArticleFields,
});

export type SavedArticle = SaveResult;

type ParsedSave = Omit<z.output<typeof updateArticleSchema>, "id" | "version" | "kind">;

/** Loads and checks the article for a save and turns the parsed fields into saveContent's changes. */
export async function prepareSave(
  actor: Actor | null,
  id: string,
  parsed: ParsedSave,
): Promise<{ head: ArticleHead; changes: ContentChanges }> {
  const { title, lede, body, tags, categoryId, ...fields } = parsed;
  const head = await loadVisibleArticle(actor, id);
  assertEditable(actor!, head);
  if (categoryId !== undefined) await assertCategory(categoryId);
  if (body) await assertBodyMedia(body);
  // becoming a translation credits the author as translator, as creating one does
  const translatorId = fields.sourceUrl && !head.translatorId ? { translatorId: head.authorId } : {};
  const sourceLanguage =
    fields.sourceUrl !== undefined ? { sourceLanguage: fields.sourceUrl ? "en" : null } : {};
  return {
    head,
    changes: {
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
    },
  };
}

/**
 * 保存 / 自动保存. Authors edit their own drafts; editors any article. A live article keeps what
 * readers see: the save becomes its pending edit (see saveContent). A save from a stale version
 * is refused with CONFLICT and changes nothing.
 */
export async function updateArticle(
  actor: Actor | null,
  input: unknown,
  now: Date = new Date(),
): Promise<SavedArticle> {
  const { id, version, kind, ...rest } = updateArticleSchema.parse(input);
  const { head, changes } = await prepareSave(actor, id, rest);
  return saveContent(actor!, head, version, changes, { kind: kind ?? "MANUAL", now });
}
