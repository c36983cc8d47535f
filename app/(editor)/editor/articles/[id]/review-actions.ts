"use server";

import { secureAction } from "@/lib/security/action";
import { listHistory } from "@/lib/services/articles/history/list-history";
import { returnArticle, returnArticleSchema } from "@/lib/services/articles/return-article";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { addNote, addNoteSchema } from "@/lib/services/editorial-notes/add-note";
import { listNotes } from "@/lib/services/editorial-notes/list-notes";

/*
 * Review on the editor page: send back / decline with a reason, the history, the staff notes.
 * Thin: lib/security/action.ts admits (origin, session, coarse permission, strict input); the
 * services decide per article (notes: staff roles only, see lib/services/editorial-notes/access.ts).
 */

/** 退回修改 / 不予采用 with the reviewer's reason. */
export const returnArticleAction = secureAction(
  { name: "article.return", input: returnArticleSchema, auth: "user", permission: "article.review" },
  (input, { actor }) => returnArticle(actor, input),
);

/** 流转记录, loaded by the panel (per user, never cached). */
export const listHistoryAction = secureAction(
  { name: "article.listHistory", input: articleIdSchema, auth: "user", permission: "article.viewDraft" },
  (articleId, { actor }) => listHistory(actor, articleId),
);

export const listNotesAction = secureAction(
  { name: "article.listNotes", input: articleIdSchema, auth: "user", permission: "article.viewDraft" },
  (articleId, { actor }) => listNotes(actor, articleId),
);

export const addNoteAction = secureAction(
  { name: "article.addNote", input: addNoteSchema, auth: "user", permission: "article.viewDraft" },
  (input, { actor }) => addNote(actor, input),
);
