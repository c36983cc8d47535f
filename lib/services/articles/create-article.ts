import "server-only";
import { z } from "zod";
import { assertBodyMedia } from "@/lib/services/media/body-media-problem";
import { assertCan, type Actor } from "@/lib/authz";
import { emptyDoc, renderArticle } from "@/lib/content/render";
import { RENDER_VERSION } from "@/lib/content/render-version";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { newPublicId } from "@/lib/public-id";
import { indexArticle } from "@/lib/search/index-article";
import { rewriteArticleCves } from "@/lib/services/cve/article-cves";
import { resolveTags } from "./resolve-tags";
import { articleFields } from "./schemas";
import { auditArticle } from "./side-effects";

/** A new draft. Only these fields; status, author, counters and ids are the server's to set. */
export const createArticleSchema = z
  .strictObject(articleFields)
  .partial()
  .required({ title: true, categoryId: true });

export type CreatedArticle = { id: string; publicId: string; version: number };

export async function assertCategory(id: number) {
  if (await db.category.findUnique({ where: { id }, select: { id: true } })) return;
  throw new AppError("INVALID", "所选分类不存在，请重新选择。", {
    fieldErrors: { categoryId: ["所选分类不存在。"] },
  });
}

/**
 * 新建文章: a DRAFT owned by the actor. With a source URL it is a translation and the actor is
 * also its translator (the public page credits 译者 from that). Revision 1 is the starting point.
 */
export async function createArticle(actor: Actor | null, input: unknown): Promise<CreatedArticle> {
  assertCan(actor, "article.create");
  const data = createArticleSchema.parse(input);
  await assertCategory(data.categoryId);
  if (data.body) await assertBodyMedia(data.body);
  return insertArticle(actor, data, { status: "DRAFT", auditAction: "article.create" });
}

type NewArticle = z.output<typeof createArticleSchema>;

/**
 * The INSERT behind createArticle and submitContribution (callers authorize and validate):
 * the row, its tags, revision 1, the search index entry and the audit row, in one transaction.
 */
export async function insertArticle(
  actor: Actor,
  data: NewArticle,
  opts: {
    status: "DRAFT" | "IN_REVIEW";
    auditAction: string;
    /** a translation task (lib/services/translation/tasks): credited to its translator, or to the
     * assigning editor while it waits to be claimed */
    assignment?: { translatorId: string | null; dueAt: Date | null };
    /** a reader's 投稿 (lib/services/contributions): marked in the queue, returned or declined with a reason */
    isContribution?: boolean;
  },
): Promise<CreatedArticle> {
  const body = data.body ?? emptyDoc();
  const rendered = renderArticle(body);
  const lede = data.lede ?? "";
  const isTranslation = Boolean(data.sourceUrl);

  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const tags = await resolveTags(tx, actor, data.tags ?? []);
        const article = await tx.article.create({
          data: {
            publicId: newPublicId(),
            title: data.title,
            lede,
            bodyJson: body as Prisma.InputJsonValue,
            bodyHtml: rendered.html,
            renderVersion: RENDER_VERSION,
            bodyText: rendered.text,
            status: opts.status,
            authorId: opts.assignment?.translatorId ?? actor.id,
            translatorId: opts.assignment ? opts.assignment.translatorId : isTranslation ? actor.id : null,
            assignedById: opts.assignment ? actor.id : null,
            translationDueAt: opts.assignment?.dueAt ?? null,
            isContribution: opts.isContribution ?? false,
            categoryId: data.categoryId,
            coverUrl: data.coverUrl,
            coverAlt: data.coverAlt,
            coverCaption: data.coverCaption,
            seoTitle: data.seoTitle,
            seoDescription: data.seoDescription,
            sourceUrl: data.sourceUrl,
            sourceTitle: data.sourceTitle,
            sourceAuthor: data.sourceAuthor,
            sourceSite: data.sourceSite,
            sourcePublishedAt: data.sourcePublishedAt,
            sourceLanguage: isTranslation ? "en" : null,
            sourceText: data.sourceText,
            tags: { create: tags.map((t) => ({ tagId: t.id })) },
            revisions: {
              create: {
                version: 1,
                title: data.title,
                lede,
                bodyJson: body as Prisma.InputJsonValue,
                editorId: actor.id,
              },
            },
          },
          select: { id: true, publicId: true, version: true },
        });
        await indexArticle(tx, { id: article.id, title: data.title, lede, bodyText: rendered.text });
        // a contribution or a translation may arrive with a body: its CVEs count from the start (issue 16)
        await rewriteArticleCves(tx, article.id, body);
        await auditArticle(tx, actor.id, opts.auditAction, article.id, { isTranslation });
        return article;
      });
    } catch (e) {
      // a 6-character public id collides rarely; a fresh one is the fix
      const isIdClash =
        e instanceof Prisma.PrismaClientKnownRequestError &&
        e.code === "P2002" &&
        JSON.stringify(e.meta ?? {}).includes("publicId");
      if (!isIdClash || attempt >= 4) throw e;
    }
  }
}
