import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle, refOf } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { loadPreviewArticle, type PreviewData } from "./load-preview-article";

/** 预览 in the workspace: any status, for whoever may see the draft (NOT_FOUND otherwise). */
export async function getStaffPreview(actor: Actor | null, id: unknown): Promise<PreviewData> {
  const head = await loadVisibleArticle(actor, articleIdSchema.parse(id));
  assertCan(actor, "article.viewDraft", refOf(head));
  const data = await loadPreviewArticle(head.id);
  if (!data) throw new AppError("NOT_FOUND");
  return data;
}
