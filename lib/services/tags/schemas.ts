import { z } from "zod";
import { safeText } from "@/lib/validation";

const tagIdSchema = z.coerce
  .number({ error: "标签编号无效。" })
  .int("标签编号无效。")
  .positive("标签编号无效。")
  .max(2_147_483_647, "标签编号无效。");

/** The URL segment of /tag/<slug>: the categories' rule (lower-case letters, digits, single hyphens). */
const tagSlugSchema = safeText(64, { min: 1 }).pipe(
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(
      z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "URL 标识只能包含小写字母、数字和连字符，例如 apt-29。"),
    ),
);

/** The editor's tag names are 1–32 characters (lib/services/articles/schemas.ts): the same here. */
const tagNameSchema = safeText(32, { min: 1 });

export const updateTagSchema = z.strictObject({ id: tagIdSchema, name: tagNameSchema, slug: tagSlugSchema });

export const mergeTagsSchema = z.strictObject({
  id: tagIdSchema,
  /** the tag to keep, by its name (any case) or URL 标识 */
  into: safeText(64, { min: 1 }),
});

export const deleteTagSchema = z.strictObject({ id: tagIdSchema });

const MAX_ALIASES = 20;

/**
 * 类型与别名 (issue 16): what the tag names, a short public description, and its other names,
 * written one per line or separated by commas or 、 (the form's textarea). Each alias 1–64
 * characters; at most 20.
 */
export const updateTagEntitySchema = z.strictObject({
  id: tagIdSchema,
  kind: z.enum(["TOPIC", "ACTOR", "MALWARE", "VENDOR", "PRODUCT"], { error: "请选择标签类型。" }),
  description: safeText(500).transform((s) => s || null),
  aliases: safeText(MAX_ALIASES * 66)
    .transform((s) =>
      s
        .split(/[\n,，、;；]+/u)
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(64, "每个别名最多 64 个字符。"))
        .max(MAX_ALIASES, `最多 ${MAX_ALIASES} 个别名。`),
    ),
});
