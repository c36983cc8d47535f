import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { getArticleWithPending } from "@/lib/services/articles/pending/get-pending-edit";
import { getEditorOptions } from "@/lib/services/articles/get-editor-options";
import { NoAccess, requireStaff } from "../../staff";
import { ArticleWorkspace } from "./article-workspace";

export const metadata: Metadata = { title: "编辑文章" };

type Props = { params: Promise<{ id: string }> };

async function load(actor: Parameters<typeof getArticleWithPending>[0], id: string) {
  try {
    // a live article with edits readers do not see yet opens with those edits
    return await getArticleWithPending(actor, id);
  } catch (e) {
    // someone else's draft and a malformed id look exactly like a missing article
    if ((e instanceof AppError && e.code === "NOT_FOUND") || e instanceof ZodError) notFound();
    throw e;
  }
}

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireStaff(`/editor/articles/${encodeURIComponent(id)}`);
  if (!actor) return <NoAccess />;
  const [article, options] = await Promise.all([load(actor, id), getEditorOptions(actor)]);
  // keyed by version: after a restore or a status change the page re-renders with the server's
  // copy; ordinary autosaves do not refresh the page, so typing is never interrupted
  return <ArticleWorkspace key={article.version} article={article} options={options} />;
}
