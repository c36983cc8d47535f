import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCategory, insertArticle, type CreatedArticle } from "@/lib/services/articles/create-article";
import { httpUrlSchema } from "@/lib/services/articles/schemas";
import { safeText } from "@/lib/validation";

/** How many contributions one person may have waiting for review at once. */
export const MAX_PENDING_CONTRIBUTIONS = 3;

/** 投稿 form fields, exactly. Plain text: readers never get the staff editor or raw HTML. */
export const contributionSchema = z.strictObject({
  title: safeText(200, { min: 5 }),
  categoryId: z.coerce.number({ error: "请选择栏目。" }).int().positive("请选择栏目。"),
  lede: safeText(300, { min: 10 }),
  body: safeText(20_000, { min: 100 }),
  /** set when the contribution is a translation of an English source */
  sourceUrl: httpUrlSchema.optional(),
});

/** Blank-line separated paragraphs (single line breaks inside one are kept as spaces). */
export function textToDoc(text: string) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
  return {
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
  };
}

/**
 * 投稿: any signed-in reader sends an article for review. It enters the editors' review queue as
 * IN_REVIEW, owned by the reader; publishing it makes the reader a CONTRIBUTOR
 * (promote-contributor.ts). The reader follows it under 我的投稿.
 */
export async function submitContribution(actor: Actor | null, input: unknown): Promise<CreatedArticle> {
  assertCan(actor, "contribution.submit");
  const data = contributionSchema.parse(input);
  await assertCategory(data.categoryId);
  const pending = await db.article.count({ where: { authorId: actor.id, status: "IN_REVIEW" } });
  if (pending >= MAX_PENDING_CONTRIBUTIONS) {
    throw new AppError("RATE_LIMITED", `你已有 ${pending} 篇稿件在审核中，请等待编辑处理后再投稿。`);
  }
  return insertArticle(
    actor,
    {
      title: data.title,
      categoryId: data.categoryId,
      lede: data.lede,
      body: textToDoc(data.body),
      sourceUrl: data.sourceUrl ?? null,
    },
    { status: "IN_REVIEW", auditAction: "contribution.submit", isContribution: true },
  );
}
