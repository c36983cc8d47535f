import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";

export type MyComment = {
  id: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  article: { publicId: string; title: string; visible: boolean };
};

const LIMIT = 50;

/** 我的评论: the actor's own comments with their moderation state, newest first. */
export async function listMyComments(actor: Actor): Promise<MyComment[]> {
  const now = new Date();
  const rows = await db.comment.findMany({
    where: { authorId: actor.id, status: { not: "DELETED" } },
    orderBy: { createdAt: "desc" },
    take: LIMIT,
    select: {
      id: true,
      body: true,
      status: true,
      createdAt: true,
      article: { select: { publicId: true, title: true, status: true, publishedAt: true } },
    },
  });
  return rows.map(({ article: a, ...c }) => ({
    ...c,
    // an article that was unpublished since is named but not linked
    article: {
      publicId: a.publicId,
      title: a.title,
      visible: a.status === "PUBLISHED" && !!a.publishedAt && a.publishedAt <= now,
    },
  }));
}
