import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { articleIdSchema, versionSchema } from "@/lib/services/articles/schemas";
import { machineTranslatorFromEnv, type MachineTranslator } from "@/lib/translation/machine/provider";
import { CARRIED_KINDS } from "@/lib/translation/types";
import { codePointLength, isSafeText } from "@/lib/validation";
import { loadEditableArticle } from "./shared";

export const prefillSegmentsSchema = z.strictObject({
  articleId: articleIdSchema,
  /** the article version the translator saw; when given, a re-import since then is a CONFLICT */
  version: versionSchema.optional(),
});
export type PrefillResult = { filled: number; skipped: number };

const MAX_TARGET_CHARS = 20_000; // as saveSegment accepts

/** What a machine answered, if it is something a person could have saved. */
function usable(text: string | undefined): string | null {
  const t = text?.trim();
  return t && isSafeText(t) && codePointLength(t) <= MAX_TARGET_CHARS ? t : null;
}

/**
 * 机器预翻译: fills every untranslated text segment of a translation the actor may edit with a
 * machine's Chinese, as a draft marked machineFilled (机翻待确认) until a person edits or confirms
 * it (saveSegment clears the mark). The provider is called outside any transaction; the write is
 * one statement whose guard (still UNTRANSLATED, still empty, article status unchanged) makes sure
 * that text a person typed meanwhile is never overwritten: such segments count as skipped, as do
 * those the machine returned nothing usable for.
 */
export async function prefillSegments(
  actor: Actor | null,
  input: unknown,
  translator: MachineTranslator | null = machineTranslatorFromEnv(),
): Promise<PrefillResult> {
  const { articleId, version } = prefillSegmentsSchema.parse(input);
  const head = await loadEditableArticle(actor, articleId);
  if (!translator)
    throw new AppError("INVALID", "未配置机器翻译服务，请逐段手动翻译（管理员可在部署设置中配置）。");
  if (version !== undefined && version !== head.version)
    throw new AppError("CONFLICT", "文章已被修改（例如重新导入了原文），请刷新页面后再预翻译。");

  const candidates = await db.translationSegment.findMany({
    where: { articleId, status: "UNTRANSLATED", targetText: "", kind: { notIn: [...CARRIED_KINDS] } },
    select: { id: true, sourceText: true },
    orderBy: { position: "asc" },
  });
  const todo = candidates.filter((s) => s.sourceText.trim());
  if (todo.length === 0) return { filled: 0, skipped: 0 };

  const outputs = await translator.translate(
    todo.map((s) => s.sourceText),
    new AbortController().signal,
  );
  const ids: string[] = [];
  const texts: string[] = [];
  todo.forEach((s, i) => {
    const text = usable(outputs[i]);
    if (!text) return;
    ids.push(s.id);
    texts.push(text);
  });
  if (ids.length === 0) return { filled: 0, skipped: todo.length };

  const written = await db.$queryRaw<{ id: string }[]>`
    UPDATE translation_segments AS s
    SET "targetText" = v.t, status = 'DRAFT', "machineFilled" = true, version = s.version + 1,
        "updatedById" = ${actor!.id}, "updatedAt" = now()
    FROM unnest(${ids}::text[], ${texts}::text[]) AS v(id, t)
    WHERE s.id = v.id AND s."articleId" = ${articleId}
      AND s.status = 'UNTRANSLATED' AND s."targetText" = ''
      AND EXISTS (SELECT 1 FROM articles a WHERE a.id = ${articleId} AND a.status::text = ${head.status})
    RETURNING s.id`;
  return { filled: written.length, skipped: todo.length - written.length };
}
