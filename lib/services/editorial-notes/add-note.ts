import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ArticleHead } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { notify } from "@/lib/services/notifications/notify";
import { safeText } from "@/lib/validation";
import { loadNotesArticle, NOTE_ROLES } from "./access";
import { findMentions } from "./mentions";

export const addNoteSchema = z.strictObject({
  articleId: articleIdSchema,
  body: safeText(2000, { min: 1 }),
});

/**
 * Who may be mentioned on this article: those who can read its notes. Editors and admins read
 * every article's notes; its author and translator only when they hold a staff role.
 */
async function mentionable(head: ArticleHead) {
  const users = await db.user.findMany({
    where: {
      status: "ACTIVE",
      OR: [
        { role: { in: ["EDITOR", "ADMIN"] } },
        { id: { in: [head.authorId, head.translatorId].filter((x): x is string => !!x) } },
      ],
    },
    select: { id: true, role: true, profile: { select: { displayName: true } } },
    take: 1000,
  });
  return users
    .filter((u) => NOTE_ROLES.has(u.role) && u.profile)
    .map((u) => ({ id: u.id, displayName: u.profile!.displayName }));
}

/** 添加备注: a staff note on the article; each `@显示名` mentioned gets a notice. */
export async function addNote(actor: Actor | null, input: unknown) {
  const { articleId, body } = addNoteSchema.parse(input);
  const head = await loadNotesArticle(actor, articleId);
  const mentioned = findMentions(body, await mentionable(head)).filter((u) => u.id !== actor!.id);
  const title = await db.article.findUniqueOrThrow({ where: { id: head.id }, select: { title: true } });
  return db.$transaction(async (tx) => {
    const note = await tx.editorialNote.create({
      data: { articleId: head.id, authorId: actor!.id, body, mentionedIds: mentioned.map((u) => u.id) },
      select: { id: true, createdAt: true },
    });
    await notify(
      tx,
      mentioned.map((u) => u.id),
      {
        kind: "note.mention",
        title: `${actor!.displayName} 在《${title.title}》的编辑备注中提到了你`,
        body,
        url: `/editor/articles/${head.id}#editorial-notes`,
        articleId: head.id,
      },
      actor!.id,
    );
    return { ...note, mentionedIds: mentioned.map((u) => u.id) };
  });
}
