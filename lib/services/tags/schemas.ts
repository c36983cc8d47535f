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
