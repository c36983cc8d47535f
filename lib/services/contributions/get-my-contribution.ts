import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { docToText } from "./doc-to-text";
import { latestDecisions, loadOwnContribution } from "./own-contribution";

export type ContributionForEdit = {
  id: string;
  version: number;
  title: string;
  categoryId: number;
  lede: string;
  body: string;
  sourceUrl: string | null;
  reason: string | null;
};

/** A returned contribution as the 修改投稿 form edits it: only the owner's, only while it is a draft. */
export async function getMyContribution(actor: Actor | null, id: string): Promise<ContributionForEdit> {
  const head = await loadOwnContribution(actor, id);
  if (head.status !== "DRAFT") throw new AppError("INVALID", "只有被退回的投稿可以修改。");
  const a = await db.article.findUniqueOrThrow({
    where: { id: head.id },
    select: { title: true, categoryId: true, lede: true, bodyJson: true, sourceUrl: true },
  });
  const decision = (await latestDecisions([head.id], head.authorId)).get(head.id);
  return {
    id: head.id,
    version: head.version,
    title: a.title,
    categoryId: a.categoryId,
    lede: a.lede,
    body: docToText(a.bodyJson as JSONContent),
    sourceUrl: a.sourceUrl,
    reason: decision?.reason ?? null,
  };
}
