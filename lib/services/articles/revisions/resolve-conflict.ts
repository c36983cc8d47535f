import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { prepareSave, updateArticleSchema } from "../update-article";
import { editableContent, lockVersion, saveContent, type SaveResult } from "../save-content";
import { auditArticle } from "../side-effects";
import { keepVersion, writeRevision } from "./policy";

/**
 * A save that came back CONFLICT, resolved in the dialog. `version` is the version the dialog
 * showed as theirs (the current one); the fields are my changes, as my save sent them.
 */
export const resolveConflictSchema = updateArticleSchema.omit({ kind: true }).extend({
  choice: z.enum(["MINE", "THEIRS"], { error: "请选择保留哪一份内容。" }),
});

/**
 * Either way nothing typed is lost, and the history shows both texts:
 * - MINE (保留我的): their version is kept as a revision if it had none (an autosave inside the
 *   five-minute window), then my changes are saved on top of it as a new MANUAL version;
 * - THEIRS (采用对方的): their version is kept likewise, my text (my changes over theirs) is
 *   recorded as a MANUAL revision at the next version, and their text as a RESTORE revision at
 *   the one after, which the article now is. The article's content is not written (it already
 *   is theirs), so readers and the search index see no change.
 * Revisions hold title, lede and body: my other field changes (cover, tags…) under THEIRS stay
 * only in this browser's local copy.
 */
export async function resolveConflict(
  actor: Actor | null,
  input: unknown,
  now: Date = new Date(),
): Promise<SaveResult> {
  const { id, version, choice, ...rest } = resolveConflictSchema.parse(input);
  const { head, changes } = await prepareSave(actor, id, rest);
  if (choice === "MINE")
    return saveContent(actor!, head, version, changes, { kind: "MANUAL", keepReplaced: true, now });

  return db.$transaction(async (tx) => {
    await lockVersion(tx, head, version);
    const { row, content: theirs } = await editableContent(tx, id);
    const status = head.status;
    await keepVersion(tx, { ...theirs, articleId: id, version, status, fallbackEditorId: actor!.id, now });
    const mine = {
      title: changes.title ?? theirs.title,
      lede: changes.lede ?? theirs.lede,
      body: changes.body ?? theirs.body,
    };
    const editorId = actor!.id;
    await writeRevision(tx, {
      ...mine,
      articleId: id,
      version: version + 1,
      editorId,
      kind: "MANUAL",
      status,
      now,
    });
    await writeRevision(tx, {
      ...theirs,
      articleId: id,
      version: version + 2,
      editorId,
      kind: "RESTORE",
      status,
      now,
    });
    const after = await tx.article.update({
      where: { id },
      data: { version: version + 2, updatedAt: row.updatedAt },
      select: { updatedAt: true },
    });
    await auditArticle(tx, editorId, "article.conflictTakeTheirs", id, { baseVersion: version });
    return {
      id,
      version: version + 2,
      updatedAt: after.updatedAt,
      revision: true,
      pending: status === "PUBLISHED",
    };
  });
}
