import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/authz";
import { renderArticle } from "@/lib/content/render";
import { RENDER_VERSION } from "@/lib/content/render-version";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { indexArticle } from "@/lib/search/index-article";
import type { ArticleHead } from "./access";
import { resolveTags } from "./resolve-tags";
import { auditArticle, cacheTagsOf, invalidatePublic, touchesPublic } from "./side-effects";

const STALE_MESSAGE =
  "内容已被他人修改（可能是你在另一个窗口，或编辑做了修改）。你的修改已备份在本机，请重新加载后再合并保存。";

/** Columns a save may set besides title, lede and body (which are always snapshotted). */
export type ContentChanges = {
  title?: string;
  lede?: string;
  body?: JSONContent;
  tags?: string[];
  fields?: Omit<
    Prisma.ArticleUncheckedUpdateManyInput,
    "id" | "version" | "status" | "authorId" | "viewCount"
  >;
  /** an AuditLog row to write with the change (restores are audited; ordinary saves are the revisions) */
  audit?: { action: string; meta?: Prisma.InputJsonValue };
};

/**
 * The one write path for article content (save, restore). In one transaction: an UPDATE guarded
 * by `version` and `status` (optimistic concurrency: a stale editor changes nothing), re-rendered
 * HTML and text, tags, a revision snapshot of the new version, and the search vector.
 */
export async function saveContent(
  actor: Actor,
  head: ArticleHead,
  baseVersion: number,
  changes: ContentChanges,
) {
  if (head.version !== baseVersion) throw new AppError("CONFLICT", STALE_MESSAGE);
  const current = await db.article.findUniqueOrThrow({
    where: { id: head.id },
    select: { title: true, lede: true, bodyJson: true, bodyText: true },
  });
  const title = changes.title ?? current.title;
  const lede = changes.lede ?? current.lede;
  const body = changes.body ?? (current.bodyJson as JSONContent);
  const rendered = changes.body ? renderArticle(changes.body) : null;
  const bodyText = rendered?.text ?? current.bodyText;
  const version = baseVersion + 1;

  const after = await db.$transaction(async (tx) => {
    const res = await tx.article.updateMany({
      where: { id: head.id, version: baseVersion, status: head.status },
      data: {
        ...changes.fields,
        title,
        lede,
        ...(rendered
          ? {
              bodyJson: body as Prisma.InputJsonValue,
              bodyHtml: rendered.html,
              renderVersion: RENDER_VERSION,
              bodyText,
            }
          : {}),
        version,
      },
    });
    if (res.count === 0) throw new AppError("CONFLICT", STALE_MESSAGE);
    if (changes.tags) {
      const tags = await resolveTags(tx, actor, changes.tags);
      await tx.articleTag.deleteMany({ where: { articleId: head.id } });
      await tx.articleTag.createMany({ data: tags.map((t) => ({ articleId: head.id, tagId: t.id })) });
    }
    await tx.articleRevision.create({
      data: {
        articleId: head.id,
        version,
        title,
        lede,
        bodyJson: body as Prisma.InputJsonValue,
        editorId: actor.id,
      },
    });
    await indexArticle(tx, { id: head.id, title, lede, bodyText });
    if (changes.audit) await auditArticle(tx, actor.id, changes.audit.action, head.id, changes.audit.meta);
    return tx.article.findUniqueOrThrow({
      where: { id: head.id },
      select: {
        id: true,
        authorId: true,
        translatorId: true,
        updatedAt: true,
        category: { select: { slug: true } },
        tags: { select: { tag: { select: { slug: true } } } },
      },
    });
  });

  // an edit to a live article refreshes its page and lists, old category and tags included
  if (touchesPublic(head.status)) invalidatePublic([...cacheTagsOf(head), ...cacheTagsOf(after)]);
  return { id: head.id, version, updatedAt: after.updatedAt };
}
