import "server-only";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle } from "../access";
import { editableContent } from "../save-content";
import { articleIdSchema } from "../schemas";
import { diffArticles, type ArticleDiff } from "./diff";

const revisionRef = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "历史版本编号无效。");

/** Two revisions of one article, or a revision and "current" (what the editor edits now). */
export const revisionDiffSchema = z.strictObject({
  articleId: articleIdSchema,
  from: revisionRef,
  to: z.union([z.literal("current"), revisionRef]),
});

export type RevisionDiff = {
  from: { version: number; label: string };
  to: { version: number; label: string };
  diff: ArticleDiff;
};

/**
 * 比较两个版本. Visibility as for the article (NOT_FOUND for others' drafts); a revision id of
 * another article is NOT_FOUND too. The older side is always `from`, whatever order was asked.
 */
export async function getRevisionDiff(actor: Actor | null, input: unknown): Promise<RevisionDiff> {
  const { articleId, from, to } = revisionDiffSchema.parse(input);
  const head = await loadVisibleArticle(actor, articleId);
  const ids = to === "current" ? [from] : [from, to];
  const revs = await db.articleRevision.findMany({
    where: { articleId: head.id, id: { in: ids } },
    select: { id: true, version: true, title: true, lede: true, bodyJson: true },
  });
  const side = (id: string) => {
    const r = revs.find((x) => x.id === id);
    if (!r) throw new AppError("NOT_FOUND", "没有找到这个历史版本。");
    return {
      version: r.version,
      label: `第 ${r.version} 版`,
      title: r.title,
      lede: r.lede,
      body: r.bodyJson as JSONContent,
    };
  };
  let a = side(from);
  let b;
  if (to === "current") {
    const { content } = await editableContent(db, head.id);
    b = { ...content, version: head.version, label: `当前内容（第 ${head.version} 版）` };
  } else b = side(to);
  if (a.version > b.version) [a, b] = [b, a];
  return {
    from: { version: a.version, label: a.label },
    to: { version: b.version, label: b.label },
    diff: diffArticles(a, b),
  };
}
