import { z } from "zod";
import { rowIdSchema } from "@/lib/public-id";
import { articleIdSchema, versionSchema } from "@/lib/services/articles/schemas";
import { codePointLength, isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/validation";

const MAX_TARGET_CHARS = 20_000;

const segmentIdSchema = rowIdSchema("段落编号无效，请刷新页面后重试。");
const segmentVersionSchema = z.number({ error: "缺少段落版本号，请刷新后重试。" }).int().min(1);

/** Our Chinese: never trimmed on save (a translator's spaces are theirs), NUL and lone surrogates refused. */
const targetTextSchema = z
  .string({ error: "译文格式无效。" })
  .refine(isSafeText, UNSAFE_TEXT_MESSAGE)
  .refine(
    (s) => codePointLength(s) <= MAX_TARGET_CHARS,
    `一段译文最多 ${MAX_TARGET_CHARS} 个字符，请拆分该段。`,
  );

export const saveSegmentSchema = z.strictObject({
  articleId: articleIdSchema,
  segmentId: segmentIdSchema,
  version: segmentVersionSchema,
  targetText: targetTextSchema,
  /** absent: an ordinary (auto)save · TRANSLATED: 确认 · REVIEWED: 审校通过 · DRAFT: 取消确认 */
  status: z.enum(["DRAFT", "TRANSLATED", "REVIEWED"], { error: "段落状态无效。" }).optional(),
});

export const mergeSegmentsSchema = z.strictObject({
  articleId: articleIdSchema,
  firstId: segmentIdSchema,
  secondId: segmentIdSchema,
  /** the versions of the first and the second segment the translator saw */
  versions: z.tuple([segmentVersionSchema, segmentVersionSchema]),
});

const offsetSchema = z.number({ error: "拆分位置无效。" }).int().min(0).max(1_000_000);

export const splitSegmentSchema = z.strictObject({
  articleId: articleIdSchema,
  segmentId: segmentIdSchema,
  version: segmentVersionSchema,
  /** UTF-16 offsets, as a textarea's selectionStart gives them */
  sourceOffset: offsetSchema,
  targetOffset: offsetSchema,
});

export const applyToArticleSchema = z.strictObject({ articleId: articleIdSchema, version: versionSchema });
