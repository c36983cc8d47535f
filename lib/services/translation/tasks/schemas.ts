import { z } from "zod";
import { articleIdSchema, isHttpUrl } from "@/lib/services/articles/schemas";
import { safeText } from "@/lib/validation";

const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "译者编号无效。");

/** A due time from a datetime-local field or an ISO string; "" or null: no due time. */
const dueSchema = z
  .string()
  .max(40)
  .refine((s) => s === "" || !Number.isNaN(Date.parse(s)), "截止时间格式无效。")
  .nullish()
  .transform((s) => (s ? new Date(s) : null))
  .refine((d) => !d || d.getTime() > Date.now() - 86_400_000, "截止时间不能早于昨天。")
  .refine((d) => !d || d.getTime() < Date.now() + 366 * 86_400_000, "截止时间最多设在一年以内。");

const sourceUrlSchema = safeText(2048, { min: 1 }).refine(
  isHttpUrl,
  "请输入以 http:// 或 https:// 开头的原文链接。",
);

export const createTaskSchema = z.strictObject({
  sourceUrl: sourceUrlSchema,
  categoryId: z.coerce.number().int().min(1, "请选择分类。"),
  /** empty: the task waits in 待认领 for a translator to claim it */
  translatorId: userIdSchema.or(z.literal("")).nullish(),
  dueAt: dueSchema,
});

export const assignTaskSchema = z.strictObject({
  articleId: articleIdSchema,
  translatorId: userIdSchema.or(z.literal("")).nullish(),
  dueAt: dueSchema,
});

export const claimTaskSchema = z.strictObject({ articleId: articleIdSchema });

export const listTasksSchema = z.object({
  /** mine: assigned to me · open: waiting to be claimed · all: every open task (editors) */
  scope: z.enum(["mine", "open", "all"]).catch("mine").default("mine"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
