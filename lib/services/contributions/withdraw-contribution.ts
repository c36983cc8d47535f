import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { transitionArticle } from "@/lib/services/articles/transition";
import { loadOwnContribution } from "./own-contribution";

export const withdrawContributionSchema = z.strictObject({ id: articleIdSchema });

/** 撤回投稿: the reader takes back a contribution waiting for review or returned to them (→ ARCHIVED). */
export async function withdrawContribution(actor: Actor | null, input: unknown) {
  assertCan(actor, "contribution.submit");
  const { id } = withdrawContributionSchema.parse(input);
  const head = await loadOwnContribution(actor, id);
  if (head.status !== "IN_REVIEW" && head.status !== "DRAFT")
    throw new AppError("INVALID", "只有审核中或被退回的投稿可以撤回。");
  return transitionArticle(actor, head, {
    to: "ARCHIVED",
    action: "contribution.withdraw",
    note: "撤回",
  });
}
