import { z } from "zod";

const text = z.string().optional().default("");

/** The 新建文章 form's fields, exactly: anything else (authorId, status…) is refused. Limits live in the service schema. */
export const newArticleFormSchema = z.strictObject({
  kind: z.enum(["original", "translation"]).default("original"),
  title: text,
  categoryId: text,
  lede: text,
  sourceUrl: text,
  sourceTitle: text,
  sourceAuthor: text,
  sourceSite: text,
  sourcePublishedAt: text,
  sourceText: text,
});

/** The form → the createArticle input. Source fields only for a translation. */
export function newArticleInput(form: z.output<typeof newArticleFormSchema>): Record<string, unknown> {
  const { kind, title, categoryId, lede, ...source } = form;
  return kind === "translation" ? { title, categoryId, lede, ...source } : { title, categoryId, lede };
}
