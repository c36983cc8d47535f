import "server-only";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertEditable, loadVisibleArticle } from "./access";
import { saveContent } from "./save-content";
import { articleIdSchema, versionSchema } from "./schemas";

export const restoreRevisionSchema = z.strictObject({
  articleId: articleIdSchema,
  revisionId: z.string().min(1).max(64),
  version: versionSchema,
});

/**
 * 恢复此版本: the revision's title, lede and body become a new version (kind RESTORE; history is
 * never rewritten, so a restore can itself be undone). Same checks and concurrency guard as a
 * save; on a live article the restore becomes its pending edit, like any other save.
 */
export async function restoreRevision(actor: Actor | null, input: unknown, now: Date = new Date()) {
  const { articleId, revisionId, version } = restoreRevisionSchema.parse(input);
  const head = await loadVisibleArticle(actor, articleId);
  assertEditable(actor!, head);
  const rev = await db.articleRevision.findFirst({
    where: { id: revisionId, articleId },
    select: { version: true, title: true, lede: true, bodyJson: true },
  });
  if (!rev) throw new AppError("NOT_FOUND", "没有找到这个历史版本。");
  return saveContent(
    actor!,
    head,
    version,
    {
      title: rev.title,
      lede: rev.lede,
      body: rev.bodyJson as JSONContent,
      audit: {
        action: "article.restoreRevision",
        meta: { revisionVersion: rev.version, baseVersion: version },
      },
    },
    { kind: "RESTORE", now },
  );
}
