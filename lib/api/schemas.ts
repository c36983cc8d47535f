import { z } from "zod";
import { decodeCursor } from "@/lib/services/public/cursor";
import { normaliseCveId } from "@/lib/cve/id";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";

/**
 * The Content API's one source of truth (issue 17): every query it accepts and every body it sends
 * is a schema here. The route handlers parse with the query schemas, the presenters are typed by
 * the response schemas, and lib/api/openapi.ts derives the OpenAPI 3.1 document from both, so the
 * document cannot drift from what the routes do. Query values arrive as strings; each schema's input
 * side is what the document shows, its output what the handler gets. Every check carries a zh-CN
 * message: it is what a caller reads in `error.message`.
 */

/** response schemas registered here become `components.schemas` under their id */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = (what: string) =>
  z
    .string()
    .max(64, { error: `须为${what}的 URL 标识（最多 64 个字符）` })
    .regex(SLUG, { error: `须为${what}的 URL 标识（小写字母、数字和连字符）` });
const memberId = (what: string) =>
  z
    .string()
    .regex(PUBLIC_ID_PATTERN, { error: `须为${what}的编号（publicId，最多 16 个字母、数字、_ 或 -）` });
// PostgreSQL has no year 0 and Prisma writes years past 9999 in a form it does not read: such
// bounds would be a 500, and no article is dated there anyway
const plausibleYear = (iso: string) => Number(iso.slice(0, 4)) >= 1900 && Number(iso.slice(0, 4)) <= 9000;
const dateBound = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "须为 ISO 8601 日期（2026-01-31）或时间（2026-01-31T08:00:00Z）",
  })
  .refine(plausibleYear, { error: "年份须在 1900 到 9000 之间" });
const validCursor = (c: string) => {
  const cursor = decodeCursor(c);
  return cursor !== null && cursor.publishedAt.getUTCFullYear() <= 9000;
};

/** fields an article list item may be cut down to (`fields=`); publicId is always sent */
const ARTICLE_FIELDS = [
  "publicId",
  "url",
  "title",
  "lede",
  "coverUrl",
  "coverAlt",
  "publishedAt",
  "viewCount",
  "commentCount",
  "isTranslation",
  "category",
  "author",
  "translator",
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
const FIELD = `(?:${ARTICLE_FIELDS.join("|")})`;

export const articleListQuerySchema = z
  .strictObject({
    cursor: z
      .string()
      .max(40, { error: "游标无效，请使用上一页响应中的 next_cursor" })
      .refine(validCursor, { error: "游标无效，请使用上一页响应中的 next_cursor" })
      .meta({ description: "Opaque: the `next_cursor` of the previous page." }),
    limit: z
      .string()
      .regex(/^[1-9][0-9]?$/, { error: "须为 1 到 50 之间的整数" })
      .refine((n) => Number(n) <= 50, { error: "须为 1 到 50 之间的整数" })
      .meta({ description: "Page size, 1-50 (default 20)." }),
    category: slug("栏目").meta({ description: "Category slug." }),
    tag: slug("标签").meta({ description: "Tag slug." }),
    author: memberId("作者").meta({ description: "The author's member publicId." }),
    translator: memberId("译者").meta({ description: "The translator's member publicId." }),
    member: memberId("作者或译者").meta({ description: "A member publicId, as author or as translator." }),
    from: dateBound.meta({ description: "publishedAt on or after (a date is 00:00 UTC that day)." }),
    to: dateBound.meta({ description: "publishedAt on or before (a date includes that whole UTC day)." }),
    cve: z
      .string()
      .max(40, { error: "须为 CVE 编号，例如 CVE-2024-3094" })
      .refine((v) => normaliseCveId(v) !== null, { error: "须为 CVE 编号，例如 CVE-2024-3094" })
      .meta({ description: "Articles mentioning this CVE id (case and full-width forms accepted)." }),
    fields: z
      .string()
      .max(300, { error: `须为逗号分隔的字段名，可选：${ARTICLE_FIELDS.join(", ")}` })
      .regex(new RegExp(`^${FIELD}(?:,${FIELD})*$`), {
        error: `须为逗号分隔的字段名，可选：${ARTICLE_FIELDS.join(", ")}`,
      })
      .meta({ description: "Comma-separated subset of the item fields; publicId is always included." }),
  })
  .partial();

export const searchQuerySchema = z.strictObject({
  q: z
    .string()
    .max(100, { error: "搜索词最多 100 个字符" })
    .refine((q) => q.trim().length > 0, { error: "请填写搜索词" })
    .meta({ description: "Search words, 1-100 characters (segmented like the site's search)." }),
  page: z
    .string()
    .regex(/^[1-9][0-9]?$/, { error: "须为 1 到 50 之间的整数" })
    .refine((n) => Number(n) <= 50, { error: "须为 1 到 50 之间的整数" })
    .optional()
    .meta({ description: "Result page, 1-50 (10 results a page)." }),
});

/** routes that take no query parameters at all */
export const emptyQuerySchema = z.strictObject({});

// ---- responses ----

const date = z.iso.datetime().meta({ description: "ISO 8601, UTC" });
const optionalText = z.string().nullable();

const personSchema = z
  .strictObject({ publicId: z.string(), displayName: z.string(), avatarUrl: optionalText })
  .register(apiRegistry, { id: "Person" });
const categoryRefSchema = z
  .strictObject({ slug: z.string(), name: z.string() })
  .register(apiRegistry, { id: "CategoryRef" });

const articleSummarySchema = z
  .strictObject({
    publicId: z.string(),
    url: z.url(),
    title: z.string(),
    lede: z.string(),
    coverUrl: optionalText,
    coverAlt: optionalText,
    publishedAt: date,
    viewCount: z.number().int(),
    commentCount: z.number().int(),
    isTranslation: z.boolean(),
    category: categoryRefSchema,
    author: personSchema.nullable(),
    translator: personSchema.nullable(),
  })
  .register(apiRegistry, { id: "ArticleSummary" });

export const articleListSchema = z
  .strictObject({
    data: z.array(
      articleSummarySchema
        .partial()
        .required({ publicId: true })
        .register(apiRegistry, { id: "ArticleListItem", description: "An ArticleSummary cut to `fields`." }),
    ),
    next_cursor: z.string().nullable(),
  })
  .register(apiRegistry, { id: "ArticleList" });

const authorSchema = personSchema.extend({ bio: optionalText }).register(apiRegistry, { id: "Author" });

export const articleDetailSchema = z
  .strictObject({
    data: z
      .strictObject({
        publicId: z.string(),
        url: z.url(),
        title: z.string(),
        lede: z.string(),
        html: z.string().meta({ description: "The stored, sanitised body HTML the article page renders." }),
        text: z.string().meta({ description: "The body as plain text." }),
        coverUrl: optionalText,
        coverAlt: optionalText,
        coverCaption: optionalText,
        publishedAt: date,
        updatedAt: date,
        viewCount: z.number().int(),
        isTranslation: z.boolean(),
        category: categoryRefSchema,
        author: authorSchema,
        translator: authorSchema.nullable(),
        tags: z.array(z.strictObject({ slug: z.string(), name: z.string() })),
        corrections: z.array(
          z.strictObject({
            kind: z.enum(["CORRECTION", "UPDATE", "SOURCE_UPDATE"]),
            note: z.string(),
            createdAt: date,
          }),
        ),
        source: z
          .strictObject({
            url: z.string(),
            title: optionalText,
            author: optionalText,
            site: optionalText,
            language: optionalText,
            publishedAt: date.nullable(),
          })
          .nullable()
          .meta({ description: "The original of a translation; null for original reporting." }),
      })
      .register(apiRegistry, { id: "Article" }),
  })
  .register(apiRegistry, { id: "ArticleDetail" });

export const categoryListSchema = z
  .strictObject({
    data: z.array(z.strictObject({ slug: z.string(), name: z.string(), description: optionalText })),
  })
  .register(apiRegistry, { id: "CategoryList" });

export const tagListSchema = z
  .strictObject({
    data: z.array(
      z.strictObject({
        slug: z.string(),
        name: z.string(),
        kind: z.enum(["TOPIC", "ACTOR", "MALWARE", "VENDOR", "PRODUCT"]),
        description: optionalText,
        aliases: z.array(z.string()),
        articleCount: z.number().int(),
      }),
    ),
  })
  .register(apiRegistry, { id: "TagList" });

export const authorDetailSchema = z
  .strictObject({
    data: z.strictObject({
      publicId: z.string(),
      url: z.url(),
      displayName: z.string(),
      bio: optionalText,
      avatarUrl: optionalText,
      joinedAt: date,
      articleCount: z.number().int(),
    }),
  })
  .register(apiRegistry, { id: "AuthorDetail" });

export const searchResultSchema = z
  .strictObject({
    data: z.array(
      articleSummarySchema.extend({
        titleHtml: z.string().meta({ description: "Escaped title with <mark> around hits." }),
        snippetHtml: z.string().meta({ description: "Escaped excerpt with <mark> around hits." }),
      }),
    ),
    query: z.string(),
    page: z.number().int(),
    page_count: z.number().int(),
    total: z.number().int(),
  })
  .register(apiRegistry, { id: "SearchResult" });

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string(),
      message: z.string().meta({ description: "zh-CN, for people" }),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      retryAfterSeconds: z.number().int().optional(),
      currentVersion: z
        .number()
        .int()
        .optional()
        .meta({ description: "Admin API 409: the article's version now; re-read it and retry" }),
    }),
  })
  .register(apiRegistry, { id: "Error" });

export type ArticleSummaryJson = z.infer<typeof articleSummarySchema>;
export type ArticleListJson = z.infer<typeof articleListSchema>;
export type ArticleDetailJson = z.infer<typeof articleDetailSchema>;
export type CategoryListJson = z.infer<typeof categoryListSchema>;
export type TagListJson = z.infer<typeof tagListSchema>;
export type AuthorDetailJson = z.infer<typeof authorDetailSchema>;
export type SearchResultJson = z.infer<typeof searchResultSchema>;
