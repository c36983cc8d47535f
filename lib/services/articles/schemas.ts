import { z } from "zod";
import { IMAGE_URL_MESSAGE, isOwnImageUrl } from "@/lib/content/image-url";
import { MAX_URL_LENGTH } from "@/lib/content/limits";
import { safeText } from "@/lib/validation";
import { bodySchema } from "./body-schema";

const MAX_TAGS = 10;
// with a 500 KB body this keeps a save under the 1 MB server-action body limit
const MAX_SOURCE_TEXT = 100_000;

export const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
  } catch {
    return false;
  }
};

/** Optional text: "" and null both clear the column. */
const optionalText = (max: number) =>
  safeText(max)
    .nullable()
    .transform((v) => v || null);

/** A link to another site: http(s) only, so javascript:/data: can never reach an href. */
export const httpUrlSchema = safeText(MAX_URL_LENGTH)
  .refine((s) => s === "" || isHttpUrl(s), "请输入以 http:// 或 https:// 开头的完整网址。")
  .nullable()
  .transform((v) => v || null);

/** An image: a file uploaded here (/media/…), the only images the CSP lets a page load. */
const imageUrlSchema = safeText(MAX_URL_LENGTH)
  .refine((s) => s === "" || isOwnImageUrl(s), IMAGE_URL_MESSAGE)
  .nullable()
  .transform((v) => v || null);

const dateSchema = z
  .string()
  .max(40)
  .refine((s) => s === "" || !Number.isNaN(Date.parse(s)), "日期格式无效。")
  .nullable()
  .transform((s) => (s ? new Date(s) : null))
  .refine((d) => !d || (d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2100), "日期超出合理范围。");

const tagsSchema = z
  .array(safeText(32, { min: 1 }), { error: "标签格式无效。" })
  .max(MAX_TAGS, `最多 ${MAX_TAGS} 个标签。`)
  // case-insensitive de-duplication keeps the first spelling
  .transform((names) =>
    names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i),
  );

export const articleIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "文章编号无效。");
export const versionSchema = z
  .number({ error: "缺少版本号，请刷新后重试。" })
  .int()
  .min(1)
  // the column is a PostgreSQL integer: a larger number is no version, not a database error
  .max(2_147_483_647, "版本号无效，请刷新后重试。");

/** Every field an author may set. Anything else (authorId, status, viewCount…) is refused by strictObject. */
export const articleFields = {
  title: safeText(200, { min: 1 }),
  lede: safeText(500),
  body: bodySchema,
  categoryId: z.coerce.number({ error: "请选择分类。" }).int().positive("请选择分类。"),
  tags: tagsSchema,
  coverUrl: imageUrlSchema,
  coverAlt: optionalText(200),
  coverCaption: optionalText(200),
  seoTitle: optionalText(200),
  seoDescription: optionalText(300),
  sourceUrl: httpUrlSchema,
  sourceTitle: optionalText(300),
  sourceAuthor: optionalText(200),
  sourceSite: optionalText(100),
  sourcePublishedAt: dateSchema,
  sourceText: safeText(MAX_SOURCE_TEXT)
    .nullable()
    .transform((v) => v || null),
};

/** The same fields, each optional: an update changes only what it names. */
export const optionalArticleFields = z.object(articleFields).partial().shape;
