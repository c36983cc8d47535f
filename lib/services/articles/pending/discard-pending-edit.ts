import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertEditable, loadVisibleArticle } from "../access";
import { writeRevision, keepVersion } from "../revisions/policy";
import { editableContent, lockVersion } from "../save-content";
import { auditArticle } from "../side-effects";
import { pendingEditActionSchema } from "./apply-pending-edit";

/**
 * 放弃修改: a live article's pending edit is dropped and the editor goes back to what readers see.
 * Nothing is lost: the pending text is kept as a revision first (if its version has none), and
 * the live text becomes a new RESTORE version. What readers see is not touched at all.
 */
export async function discardPendingEdit(actor: Actor | null, input: unknown, now: Date = new Date()) {
  const { id, version } = pendingEditActionSchema.parse(input);
  const head = await loadVisibleArticle(actor, id);
  assertEditable(actor!, head);
  return db.$transaction(async (tx) => {
    await lockVersion(tx, head, version);
    const { row, pending } = await editableContent(tx, head.id);
    if (!pending) throw new AppError("INVALID", "这篇文章没有未发布的修改。");
    const status = head.status;
    await keepVersion(tx, { ...pending, articleId: id, version, status, fallbackEditorId: actor!.id, now });
    await tx.articlePendingEdit.delete({ where: { articleId: id } });
    const next = version + 1;
    await tx.article.update({ where: { id }, data: { version: next, updatedAt: row.updatedAt } });
    const live = { title: row.title, lede: row.lede, body: row.bodyJson as JSONContent };
    await writeRevision(tx, {
      ...live,
      articleId: id,
      version: next,
      editorId: actor!.id,
      kind: "RESTORE",
      status,
      now,
    });
    await auditArticle(tx, actor!.id, "article.discardPendingEdit", id, { baseVersion: version });
    return { id, version: next };
  });
}
