/** FormData of the 新建文章 form → the createArticle input. Source fields only for a translation. */
export function newArticleInput(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const input: Record<string, unknown> = { title: text("title"), categoryId: text("categoryId"), lede: text("lede") };
  if (text("kind") === "translation") {
    for (const k of ["sourceUrl", "sourceTitle", "sourceAuthor", "sourceSite", "sourcePublishedAt", "sourceText"]) input[k] = text(k);
  }
  return input;
}
