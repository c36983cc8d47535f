import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { latestDecisions } from "./own-contribution";

export type MyContribution = {
  id: string;
  publicId: string;
  title: string;
  status: ArticleStatus;
  createdAt: Date;
  publishedAt: Date | null;
  categoryName: string;
  /** sent through 投稿 (a staff author's own drafts are listed too, but only contributions are edited here) */
  isContribution: boolean;
  /** the editor's reason, when the contribution was last returned or declined */
  reason: string | null;
  /** the reader took it back (撤回) */
  isWithdrawn: boolean;
};

const LIMIT = 50;

/** 我的投稿: what the actor wrote, newest first. Only ever the actor's own rows. */
export async function listMyContributions(actor: Actor): Promise<MyContribution[]> {
  const rows = await db.article.findMany({
    where: { authorId: actor.id, deletedAt: null },
    orderBy: { createdAt: "desc" },
    take: LIMIT,
    select: {
      id: true,
      publicId: true,
      title: true,
      status: true,
      createdAt: true,
      publishedAt: true,
      isContribution: true,
      category: { select: { name: true } },
    },
  });
  const decisions = await latestDecisions(
    rows
      .filter((r) => r.isContribution && (r.status === "DRAFT" || r.status === "ARCHIVED"))
      .map((r) => r.id),
    actor.id,
  );
  return rows.map(({ category, ...r }) => ({
    ...r,
    categoryName: category.name,
    reason: decisions.get(r.id)?.reason ?? null,
    isWithdrawn: decisions.get(r.id)?.isWithdrawn ?? false,
  }));
}
