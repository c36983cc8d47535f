import { z } from "zod";
import { safeText } from "@/lib/validation";

export const categoryIdSchema = z.coerce
  .number({ error: "分类编号无效。" })
  .int("分类编号无效。")
  .positive("分类编号无效。")
  .max(2_147_483_647, "分类编号无效。");

/** The URL segment of /category/<slug>: lower-case letters, digits and single hyphens. */
const categorySlugSchema = safeText(64, { min: 1 }).pipe(
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(
      z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "URL 标识只能包含小写字母、数字和连字符，例如 threat-intel。"),
    ),
);

export const categoryFieldsSchema = z.strictObject({
  name: safeText(32, { min: 1 }),
  slug: categorySlugSchema,
  description: safeText(200).transform((s) => s || null),
});
