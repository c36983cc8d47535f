import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { assertCategory, insertArticle, type CreatedArticle } from "@/lib/services/articles/create-article";
import { createTaskSchema } from "./schemas";
import { assertTranslator } from "./translators";

/** The working title until the source is ingested and the translator writes the Chinese one. */
const placeholderTitle = (sourceUrl: string) => `【待翻译】${new URL(sourceUrl).hostname}`;

/**
 * 新建翻译任务 (editors): a DRAFT translation of a source URL, assigned to a translator with an
 * optional due time, or left for a translator to claim. The source is fetched later, by the
 * translator, in the bilingual editor (lib/services/translation/ingest-source.ts).
 */
export async function createTranslationTask(actor: Actor | null, input: unknown): Promise<CreatedArticle> {
  assertCan(actor, "translation.assign");
  const { sourceUrl, categoryId, translatorId, dueAt } = createTaskSchema.parse(input);
  await assertCategory(categoryId);
  if (translatorId) await assertTranslator(translatorId);
  return insertArticle(
    actor,
    { title: placeholderTitle(sourceUrl), categoryId, sourceUrl },
    {
      status: "DRAFT",
      auditAction: "translation.create",
      assignment: { translatorId: translatorId || null, dueAt },
    },
  );
}
