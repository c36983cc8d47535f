import { z } from "zod";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import { createArticleSchema } from "@/lib/services/articles/create-article";
import { updateArticleSchema } from "@/lib/services/articles/update-article";
import { apiRegistry } from "./schemas";

/**
 * The Admin API's request and response schemas (issue 17). Request bodies are the services' own
 * schemas (the editor's save is the API's PATCH), so the API cannot accept what the UI refuses;
 * responses are registered for lib/api/openapi.ts like the Content API's.
 */

const date = z.iso.datetime().meta({ description: "ISO 8601, UTC" });
const nullableDate = date.nullable();
const status = z.enum(ArticleStatus);

export const adminArticleParams = z.strictObject({
  publicId: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, "文章编号无效。"),
});

/** POST /api/v1/admin/articles: a new draft (the editor's 新建文章 fields). */
export const adminCreateArticleBody = createArticleSchema;

/** PATCH /api/v1/admin/articles/{publicId}: `version` plus the fields to change (the editor's 保存). */
export const adminUpdateArticleBody = updateArticleSchema.omit({ id: true, kind: true });

/** POST …/publish: now, or 定时发布 at `scheduledAt`; a live article's pending edit goes live (更新). */
export const adminPublishBody = z.strictObject({
  version: z.number({ error: "缺少版本号。" }).int().min(1).max(2_147_483_647, "版本号无效。"),
  scheduledAt: z
    .string()
    .max(40)
    .refine((s) => !Number.isNaN(Date.parse(s)), "定时发布时间格式无效。")
    .nullish(),
});

/** POST …/unpublish: back to the author as a draft (default) or archived. */
export const adminUnpublishBody = z.strictObject({
  to: z.enum(["DRAFT", "ARCHIVED"], { error: "to 须为 DRAFT 或 ARCHIVED。" }).optional(),
});

export const adminArticleListQuery = z.strictObject({
  status: z.enum(ArticleStatus, { error: "不是可用的状态" }).optional(),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, { error: "page 须为 1 到 9999 之间的整数" })
    .optional(),
});

export const adminCommentListQuery = z.strictObject({
  status: z.enum(["PENDING", "APPROVED", "REJECTED", "SPAM"], { error: "不是可用的状态" }).optional(),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, { error: "page 须为 1 到 9999 之间的整数" })
    .optional(),
});

const person = z.strictObject({ displayName: z.string() }).nullable();

const adminArticleSummary = z
  .strictObject({
    publicId: z.string(),
    title: z.string(),
    status,
    version: z.number().int(),
    isTranslation: z.boolean(),
    category: z.string(),
    author: z.string(),
    translator: z.string().nullable(),
    createdAt: date,
    updatedAt: date,
    publishedAt: nullableDate,
    scheduledAt: nullableDate,
  })
  .register(apiRegistry, { id: "AdminArticleSummary" });

export const adminArticleListSchema = z
  .strictObject({
    data: z.array(adminArticleSummary),
    page: z.number().int(),
    pageCount: z.number().int(),
    total: z.number().int(),
  })
  .register(apiRegistry, { id: "AdminArticleList" });

export const adminArticleSchema = z
  .strictObject({
    publicId: z.string(),
    url: z.string(),
    status,
    version: z.number().int(),
    title: z.string(),
    lede: z.string(),
    body: z.record(z.string(), z.unknown()).meta({ description: "The tiptap (ProseMirror) document" }),
    categoryId: z.number().int(),
    tags: z.array(z.string()),
    coverUrl: z.string().nullable(),
    coverAlt: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    sourceTitle: z.string().nullable(),
    isTranslation: z.boolean(),
    author: person,
    translator: person,
    scheduledAt: nullableDate,
    publishedAt: nullableDate,
    updatedAt: date,
    pendingEdit: z.strictObject({ updatedAt: date, editorName: z.string() }).nullable().meta({
      description: "A live article's saved changes not yet published (POST …/publish applies them)",
    }),
  })
  .register(apiRegistry, { id: "AdminArticle" });

export const adminWriteResultSchema = z
  .strictObject({
    publicId: z.string(),
    version: z.number().int(),
    status,
    /** a save of a live article goes to its pending edit, not to what readers see */
    pending: z.boolean(),
  })
  .register(apiRegistry, { id: "AdminWriteResult" });

const adminComment = z
  .strictObject({
    id: z.string(),
    status: z.string(),
    body: z.string(),
    authorName: z.string(),
    article: z.strictObject({ publicId: z.string(), title: z.string() }),
    createdAt: date,
  })
  .register(apiRegistry, { id: "AdminComment" });

export const adminCommentListSchema = z
  .strictObject({
    data: z.array(adminComment),
    page: z.number().int(),
    pageCount: z.number().int(),
    total: z.number().int(),
  })
  .register(apiRegistry, { id: "AdminCommentList" });

export const adminModerationResultSchema = z
  .strictObject({ changed: z.number().int(), skipped: z.number().int() })
  .register(apiRegistry, { id: "AdminModerationResult" });

export const adminMediaSchema = z
  .strictObject({
    id: z.string(),
    url: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    mime: z.string(),
    size: z.number().int(),
    alt: z.string().nullable(),
    decorative: z.boolean(),
    animated: z.boolean(),
    filename: z.string().nullable(),
    createdAt: date,
    variants: z.array(z.strictObject({ width: z.number().int(), height: z.number().int(), url: z.string() })),
    srcset: z.string(),
  })
  .register(apiRegistry, { id: "AdminMedia" });
