import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/authz";
import { renderArticle } from "@/lib/content/render";
import { RENDER_VERSION } from "@/lib/content/render-version";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import { indexArticle } from "@/lib/search/index-article";
import { cveChangeTags, rewriteArticleCves } from "@/lib/services/cve/article-cves";
import { insertCorrection } from "@/lib/services/corrections/insert-correction";
import type { CorrectionInput } from "@/lib/services/corrections/schemas";
import type { ArticleHead } from "./access";
import { pendingJson, readPending, reviveFields, type EditableContent } from "./pending/pending-data";
import { resolveTags } from "./resolve-tags";
import { autosaveRevisionDue, keepVersion, writeRevision } from "./revisions/policy";
import { auditArticle, cacheTagsOf, invalidatePublic, touchesPublic } from "./side-effects";
import { emitArticleEvent } from "@/lib/webhooks/article-events";

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
  /** a public correction-log entry that goes live with this change (更新 of a live article, issue 16) */
  correction?: CorrectionInput;
};

type SaveOptions = {
  /** MANUAL (保存), AUTOSAVE, RESTORE, PENDING_APPLIED (更新: a live article's pending edit goes live) */
  kind?: Exclude<RevisionKind, "STATUS">;
  /** the clock (tests inject one for the five-minute autosave rule) */
  now?: Date;
  /** snapshot the version being replaced first when it has none (conflict resolution) */
  keepReplaced?: boolean;
};

export type SaveResult = {
  id: string;
  version: number;
  updatedAt: Date;
  /** whether this save left a revision (an autosave inside the five-minute window does not) */
  revision: boolean;
  /** true when the save went to the pending edit of a live article, not to what readers see */
  pending: boolean;
};

type Tx = Prisma.TransactionClient;

/**
 * Takes the article's row lock if it is still at `version` and `status`, else CONFLICT: a stale
 * editor changes nothing, and two saves from the same version cannot both win.
 */
export async function lockVersion(tx: Tx, head: ArticleHead, version: number) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM articles WHERE id = ${head.id} AND version = ${version}
      AND status = ${head.status}::"ArticleStatus" FOR UPDATE`;
  if (rows.length === 0) throw new AppError("CONFLICT", STALE_MESSAGE);
}

const contentSelect = {
  title: true,
  lede: true,
  bodyJson: true,
  bodyText: true,
  updatedAt: true,
  pendingEdit: { select: { data: true } },
} as const;

/** What the editor edits: a live article's pending edit when it has one, else the row itself. */
export async function editableContent(tx: Tx, articleId: string) {
  const row = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: contentSelect });
  const pending = row.pendingEdit ? readPending(row.pendingEdit.data) : null;
  const content: EditableContent = pending ?? {
    title: row.title,
    lede: row.lede,
    body: row.bodyJson as JSONContent,
    fields: {},
  };
  return { row, pending, content };
}

/**
 * The one write path for article content (save, autosave, restore, conflict resolution, 更新).
 * In one transaction, under the article's row lock at the version the editor started from:
 *
 * - a PUBLISHED article (unless the kind is PENDING_APPLIED) keeps what readers see: the changes
 *   go to its ArticlePendingEdit, only Article.version moves (updatedAt stays, nothing public is
 *   invalidated), until someone allowed to publish applies it (pending/apply-pending-edit.ts);
 * - any other article gets the changes (merged over a pending edit left from when it was live),
 *   re-rendered HTML and text, tags and the search vector, and its public pages are invalidated
 *   when it is live;
 * - a revision of the new version as revisions/policy.ts decides (kind and status recorded).
 */
export async function saveContent(
  actor: Actor,
  head: ArticleHead,
  baseVersion: number,
  changes: ContentChanges,
  opts: SaveOptions = {},
): Promise<SaveResult> {
  const kind = opts.kind ?? "MANUAL";
  const now = opts.now ?? new Date();
  if (head.version !== baseVersion) throw new AppError("CONFLICT", STALE_MESSAGE);
  const toPending = head.status === "PUBLISHED" && kind !== "PENDING_APPLIED";
  const version = baseVersion + 1;

  const out = await db.$transaction(async (tx) => {
    await lockVersion(tx, head, baseVersion);
    const { row, pending, content: base } = await editableContent(tx, head.id);
    if (kind === "PENDING_APPLIED" && !pending) throw new AppError("INVALID", "这篇文章没有未发布的修改。");
    if (opts.keepReplaced)
      await keepVersion(tx, {
        ...base,
        articleId: head.id,
        version: baseVersion,
        status: head.status,
        fallbackEditorId: actor.id,
        now,
      });
    const merged: EditableContent = {
      title: changes.title ?? base.title,
      lede: changes.lede ?? base.lede,
      body: changes.body ?? base.body,
      tags: changes.tags ?? base.tags,
      fields: { ...base.fields, ...(changes.fields as Record<string, unknown> | undefined) },
    };

    let cves: Awaited<ReturnType<typeof rewriteArticleCves>> | null = null;
    if (toPending) {
      // readers keep seeing the live row: only the version moves, and updatedAt is kept as it was
      await tx.article.update({ where: { id: head.id }, data: { version, updatedAt: row.updatedAt } });
      await tx.articlePendingEdit.upsert({
        where: { articleId: head.id },
        create: { articleId: head.id, data: pendingJson(merged), baseVersion, editorId: actor.id },
        update: { data: pendingJson(merged), editorId: actor.id },
      });
    } else {
      const rendered = changes.body || pending ? renderArticle(merged.body) : null;
      const bodyText = rendered?.text ?? row.bodyText;
      await tx.article.update({
        where: { id: head.id },
        data: {
          ...(reviveFields(merged.fields) as Prisma.ArticleUncheckedUpdateInput),
          title: merged.title,
          lede: merged.lede,
          ...(rendered
            ? {
                bodyJson: merged.body as Prisma.InputJsonValue,
                bodyHtml: rendered.html,
                renderVersion: RENDER_VERSION,
                bodyText,
              }
            : {}),
          version,
        },
      });
      if (merged.tags) {
        const tags = await resolveTags(tx, actor, merged.tags);
        await tx.articleTag.deleteMany({ where: { articleId: head.id } });
        await tx.articleTag.createMany({ data: tags.map((t) => ({ articleId: head.id, tagId: t.id })) });
      }
      if (pending) await tx.articlePendingEdit.delete({ where: { articleId: head.id } });
      // the CVEs the body mentions (issue 16), rewritten with the body it was detected in
      if (rendered) cves = await rewriteArticleCves(tx, head.id, merged.body);
      await indexArticle(tx, { id: head.id, title: merged.title, lede: merged.lede, bodyText });
    }

    const revision = kind !== "AUTOSAVE" || (await autosaveRevisionDue(tx, head.id, now));
    if (revision)
      await writeRevision(tx, {
        ...merged,
        articleId: head.id,
        version,
        editorId: actor.id,
        kind,
        status: head.status,
        now,
      });
    if (changes.audit) await auditArticle(tx, actor.id, changes.audit.action, head.id, changes.audit.meta);
    if (changes.correction) {
      if (toPending) throw new AppError("INVALID", "公开说明随修改上线时记录，请在「更新」时填写。");
      await insertCorrection(tx, actor.id, head.id, changes.correction, now);
    }
    const after = await tx.article.findUniqueOrThrow({
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
    return { after, revision, cves };
  });

  // an edit to a live article refreshes its page and lists, old category and tags included
  if (!toPending && touchesPublic(head.status)) {
    invalidatePublic([...cacheTagsOf(head), ...cacheTagsOf(out.after), ...cveChangeTags(out.cves)]);
    // what readers see changed (更新 of a pending edit): webhooks hear of it, never of drafts
    await emitArticleEvent("article.updated", head.id);
  }
  return { id: head.id, version, updatedAt: out.after.updatedAt, revision: out.revision, pending: toPending };
}
