"use server";

import { secureAction } from "@/lib/security/action";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { ingestSource } from "@/lib/services/translation/ingest-source";
import { ingestSourceSchema } from "@/lib/services/translation/ingest-schemas";
import { lookupMemory, lookupMemorySchema } from "@/lib/services/translation/memory/lookup-memory";
import { applyToArticle } from "@/lib/services/translation/segments/apply-to-article";
import { listSegments } from "@/lib/services/translation/segments/list-segments";
import { mergeSegments } from "@/lib/services/translation/segments/merge-segments";
import { prefillSegments, prefillSegmentsSchema } from "@/lib/services/translation/segments/prefill-segments";
import { saveSegment } from "@/lib/services/translation/segments/save-segment";
import {
  applyToArticleSchema,
  mergeSegmentsSchema,
  saveSegmentSchema,
  splitSegmentSchema,
} from "@/lib/services/translation/segments/schemas";
import { splitSegment } from "@/lib/services/translation/segments/split-segment";

/*
 * The bilingual editor's actions. Thin, like ../../actions.ts: lib/security/action.ts checks
 * origin, session, the coarse permission and the strict schema; the services decide per article
 * (someone else's draft is NOT_FOUND) and per segment (stale versions are CONFLICT).
 */

/** 自动保存 / 确认 (Ctrl+Enter) / 审校 of one segment. */
export const saveSegmentAction = secureAction(
  { name: "translation.saveSegment", input: saveSegmentSchema, auth: "user", permission: "article.editOwn" },
  (input, { actor }) => saveSegment(actor, input),
);

export const mergeSegmentsAction = secureAction(
  {
    name: "translation.mergeSegments",
    input: mergeSegmentsSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => mergeSegments(actor, input),
);

export const splitSegmentAction = secureAction(
  {
    name: "translation.splitSegment",
    input: splitSegmentSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => splitSegment(actor, input),
);

/** 生成正文. */
export const applyToArticleAction = secureAction(
  {
    name: "translation.applyToArticle",
    input: applyToArticleSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => applyToArticle(actor, input),
);

/** The server's copy, after a conflict (载入最新版本) or 生成正文 against a changed article. */
export const listSegmentsAction = secureAction(
  { name: "translation.listSegments", input: articleIdSchema, auth: "user", permission: "article.viewDraft" },
  (articleId, { actor }) => listSegments(actor, articleId),
);

/** 翻译记忆 for the focused segment. */
export const lookupMemoryAction = secureAction(
  {
    name: "translation.lookupMemory",
    input: lookupMemorySchema,
    auth: "user",
    permission: "translation.tools",
  },
  (input, { actor }) => lookupMemory(actor, input),
);

/** 从链接抓取原文 / 粘贴原文 (and 重新导入 with replace). */
export const ingestSourceAction = secureAction(
  {
    name: "translation.ingestSource",
    input: ingestSourceSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => ingestSource(actor, input),
);

/** 机器预翻译: untranslated segments filled by the configured provider, marked 机翻待确认. */
export const prefillSegmentsAction = secureAction(
  {
    name: "translation.prefillSegments",
    input: prefillSegmentsSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => prefillSegments(actor, input),
);
