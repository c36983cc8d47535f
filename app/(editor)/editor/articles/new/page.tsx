import type { Metadata } from "next";
import { getEditorOptions } from "@/lib/services/articles/get-editor-options";
import { NoAccess, requireStaff } from "../../staff";
import { NewArticleForm } from "./new-article-form";

export const metadata: Metadata = { title: "新建文章" };

/** 新建文章: the few fields a draft needs to exist; everything else is edited in the editor. */
export default async function NewArticlePage() {
  const actor = await requireStaff("/editor/articles/new");
  if (!actor) return <NoAccess />;
  const { categories } = await getEditorOptions(actor);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold text-ink-900">新建文章</h1>
      <NewArticleForm
        categories={categories}
        defaultKind={actor.role === "TRANSLATOR" ? "translation" : "original"}
      />
    </div>
  );
}
