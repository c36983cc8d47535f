import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { loadNotesArticle } from "./access";

export type EditorialNoteDto = {
  id: string;
  authorName: string;
  body: string;
  mentionedNames: string[];
  createdAt: Date;
};

const LIMIT = 200;

/** 编辑备注: the staff thread on an article, oldest first. */
export async function listNotes(actor: Actor | null, id: unknown): Promise<EditorialNoteDto[]> {
  const head = await loadNotesArticle(actor, articleIdSchema.parse(id));
  const rows = await db.editorialNote.findMany({
    where: { articleId: head.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      body: true,
      mentionedIds: true,
      createdAt: true,
      author: { select: { profile: { select: { displayName: true } } } },
    },
  });
  const ids = [...new Set(rows.flatMap((r) => r.mentionedIds))];
  const profiles = ids.length
    ? await db.profile.findMany({
        where: { userId: { in: ids } },
        select: { userId: true, displayName: true },
      })
    : [];
  const names = new Map(profiles.map((p) => [p.userId, p.displayName]));
  return rows.map((r) => ({
    id: r.id,
    authorName: r.author.profile?.displayName ?? "未知用户",
    body: r.body,
    mentionedNames: r.mentionedIds.map((m) => names.get(m)).filter((n): n is string => !!n),
    createdAt: r.createdAt,
  }));
}
