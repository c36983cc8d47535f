import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizeTiptapDoc } from "@/lib/services/articles/body-schema";
import { saveContent } from "@/lib/services/articles/save-content";
import { assembleBody } from "@/lib/translation/assemble";
import { applyToArticleSchema } from "./schemas";
import { loadEditableArticle } from "./shared";

export type AppliedTranslation = {
  version: number;
  /** text segments left out because they have no translation yet */
  skipped: number;
  /** images from the source's site, carried as links (upload them in the editor to show them) */
  linkedImages: number;
};

/**
 * 生成正文: the article body assembled from the segments (lib/translation/assemble.ts), written
 * through saveContent with the article's version, so it is conflict-protected, re-rendered,
 * indexed and kept as a revision like any save. The title stays the editor's own field.
 */
export async function applyToArticle(actor: Actor | null, input: unknown): Promise<AppliedTranslation> {
  const { articleId, version } = applyToArticleSchema.parse(input);
  const head = await loadEditableArticle(actor, articleId);
  const segments = await db.translationSegment.findMany({
    where: { articleId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { kind: true, targetText: true, sourceNode: true },
  });
  const { doc, skipped, linkedImages } = assembleBody(
    segments.map((s) => ({ ...s, sourceNode: s.sourceNode as JSONContent | null })),
  );
  if (!doc.content?.length) throw new AppError("INVALID", "还没有可以生成正文的译文：请先翻译至少一段。");
  const normalized = normalizeTiptapDoc(doc);
  if ("error" in normalized) throw new AppError("INVALID", `生成的正文无法保存：${normalized.error}`);
  const saved = await saveContent(actor!, head, version, { body: normalized.doc });
  return { version: saved.version, skipped, linkedImages };
}
