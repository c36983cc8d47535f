import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { PAGE_SIZE, pageCountOf, type Paged } from "@/lib/services/articles/article-dto";
import { isTranslated } from "@/lib/services/translation/segments/progress";
import { CARRIED_KINDS } from "@/lib/translation/types";
import { listTasksSchema } from "./schemas";

export type TaskProgress = { done: number; total: number };

export type TranslationTaskItem = {
  id: string;
  publicId: string;
  title: string;
  status: ArticleStatus;
  sourceUrl: string;
  sourceTitle: string | null;
  translatorId: string | null;
  translatorName: string | null;
  assignedByName: string | null;
  dueAt: Date | null;
  /** past its due time, as of the query (the page renders it; a component must not read the clock) */
  overdue: boolean;
  updatedAt: Date;
  /** 原文已更新: the source-update job saw the source change */
  sourceChanged: boolean;
  /** null until the source is ingested */
  progress: TaskProgress | null;
};

export type TaskScope = "mine" | "open" | "all";

/** Active work: a task leaves these lists once it is published or archived. */
const ACTIVE: ArticleStatus[] = ["DRAFT", "IN_REVIEW", "SCHEDULED"];

function whereFor(actor: Actor, scope: TaskScope): Prisma.ArticleWhereInput {
  const base: Prisma.ArticleWhereInput = { sourceUrl: { not: null }, deletedAt: null };
  if (scope === "open") return { ...base, status: "DRAFT", translatorId: null };
  if (scope === "all") return { ...base, status: { in: ACTIVE } };
  return { ...base, status: { in: ACTIVE }, translatorId: actor.id };
}

/** Translated (or reviewed) text segments out of all text segments, per article, in one query. */
async function progressOf(ids: string[]): Promise<Map<string, TaskProgress>> {
  if (!ids.length) return new Map();
  const rows = await db.translationSegment.groupBy({
    by: ["articleId", "status"],
    where: { articleId: { in: ids }, kind: { notIn: [...CARRIED_KINDS] } },
    _count: { _all: true },
  });
  const out = new Map<string, TaskProgress>();
  for (const r of rows) {
    const p = out.get(r.articleId) ?? { done: 0, total: 0 };
    p.total += r._count._all;
    if (isTranslated(r.status)) p.done += r._count._all;
    out.set(r.articleId, p);
  }
  return out;
}

/**
 * 翻译任务 lists: 我的翻译 (assigned to the actor), 待认领 (nobody's yet: translators may claim)
 * and 全部任务 (editors: who translates what, how far along). Due soonest first.
 */
export async function listTranslationTasks(
  actor: Actor | null,
  input: { scope?: unknown; page?: unknown } = {},
): Promise<Paged<TranslationTaskItem> & { scope: TaskScope }> {
  const { scope, page } = listTasksSchema.parse(input);
  assertCan(
    actor,
    scope === "all" ? "translation.assign" : scope === "open" ? "translation.claim" : "article.create",
  );
  const where = whereFor(actor, scope);
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ translationDueAt: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        publicId: true,
        title: true,
        status: true,
        sourceUrl: true,
        sourceTitle: true,
        translationDueAt: true,
        translatorId: true,
        updatedAt: true,
        sourceChangedAt: true,
        translator: { select: { profile: { select: { displayName: true } } } },
        assignedBy: { select: { profile: { select: { displayName: true } } } },
      },
    }),
  ]);
  const progress = await progressOf(rows.map((r) => r.id));
  const now = Date.now();
  const items = rows.map((r): TranslationTaskItem => ({
    id: r.id,
    publicId: r.publicId,
    title: r.title,
    status: r.status,
    sourceUrl: r.sourceUrl ?? "",
    sourceTitle: r.sourceTitle,
    translatorId: r.translatorId,
    translatorName: r.translator?.profile?.displayName ?? null,
    assignedByName: r.assignedBy?.profile?.displayName ?? null,
    dueAt: r.translationDueAt,
    overdue: Boolean(r.translationDueAt && r.translationDueAt.getTime() < now),
    updatedAt: r.updatedAt,
    sourceChanged: Boolean(r.sourceChangedAt),
    progress: progress.get(r.id) ?? null,
  }));
  return { items, total, page, pageCount: pageCountOf(total), scope };
}
