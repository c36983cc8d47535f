import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

export type MyContribution = {
  id: string;
  publicId: string;
  title: string;
  status: ArticleStatus;
  createdAt: Date;
  publishedAt: Date | null;
  categoryName: string;
};

const LIMIT = 50;

/** 我的投稿: what the actor wrote, newest first. Only ever the actor's own rows. */
export async function listMyContributions(actor: Actor): Promise<MyContribution[]> {
  const rows = await db.article.findMany({
    where: { authorId: actor.id },
    orderBy: { createdAt: "desc" },
    take: LIMIT,
    select: {
      id: true,
      publicId: true,
      title: true,
      status: true,
      createdAt: true,
      publishedAt: true,
      category: { select: { name: true } },
    },
  });
  return rows.map(({ category, ...r }) => ({ ...r, categoryName: category.name }));
}
