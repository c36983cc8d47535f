import { z } from "zod";
import type { CorrectionKind } from "@/lib/generated/prisma/enums";
import { safeText } from "@/lib/validation";
import { articleIdSchema } from "../articles/schemas";

const CORRECTION_KINDS = ["CORRECTION", "UPDATE", "SOURCE_UPDATE"] as const satisfies CorrectionKind[];

const MAX_CORRECTION_NOTE = 500;

/** A public correction-log entry: its kind and the note readers see (plain text, 1–500 characters). */
export const correctionSchema = z.strictObject({
  kind: z.enum(CORRECTION_KINDS, { error: "请选择说明类型：更正、更新或原文更新。" }),
  note: safeText(MAX_CORRECTION_NOTE, { min: 1 }),
});
export type CorrectionInput = z.infer<typeof correctionSchema>;

/** 记录更正 on a live article without a text change (the fix already went live, or the source changed). */
export const fileCorrectionSchema = correctionSchema.extend({ id: articleIdSchema });
