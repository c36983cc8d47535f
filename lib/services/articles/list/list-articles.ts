import "server-only";
import { assertCan, can, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { escapeLike } from "@/lib/db/like";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import { refOf } from "../access";
import { PAGE_SIZE, pageCountOf, type Paged } from "../article-dto";
import { listArticlesQuerySchema, type ArticleSort, type ListArticlesQuery } from "./list-articles-schema";
import { mayUseTrash } from "./trash";

export type ArticleRowActions = {
  /** 下线: a live or scheduled article back to its author as a draft */
  unpublish: boolean;
  archive: boolean;
  delete: boolean;
  /** 恢复 (回收站 only) */
  restore: boolean;
};

export type ArticleRow = {
  id: string;
  publicId: string;
  title: string;
  status: ArticleStatus;
  version: number;
  isTranslation: boolean;
  isContribution: boolean;
  categoryName: string;
  authorName: string;
  translatorName: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  deletedAt: Date | null;
  deletedByName: string | null;
  actions: ArticleRowActions;
};

export type ArticleList = Paged<ArticleRow> & {
  query: ListArticlesQuery;
  /** per status, with every filter but the status applied (the tabs) */
  counts: Record<ArticleStatus, number>;
  /** the 回收站 tab's count; null for those who have no 回收站 */
  trashCount: number | null;
  /** false: the list is scoped to the actor's own and translated articles */
  seesAll: boolean;
};

const name = { select: { profile: { select: { displayName: true } } } } as const;
const rowSelect = {
  id: true,
  publicId: true,
  title: true,
  status: true,
  version: true,
  sourceUrl: true,
  isContribution: true,
  authorId: true,
  translatorId: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
  scheduledAt: true,
  deletedAt: true,
  category: { select: { name: true } },
  author: name,
  translator: name,
  deletedBy: name,
} as const satisfies Prisma.ArticleSelect;

const ORDER: Record<ArticleSort, Prisma.ArticleOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  published: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
  created: [{ createdAt: "desc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
};

/** LIKE's own characters taken literally: a search for "100%" or "a_b" means exactly that. */

/** Everything but the status: what the actor may see, the trash or not, and the filters. */
function whereFor(actor: Actor, q: ListArticlesQuery, seesAll: boolean): Prisma.ArticleWhereInput[] {
  const own = { OR: [{ authorId: actor.id }, { translatorId: actor.id }] };
  const and: Prisma.ArticleWhereInput[] = [];
  if (!seesAll) and.push(own);
  if (q.mine === "1") and.push(own);
  if (q.category) and.push({ categoryId: q.category });
  if (q.author) and.push({ authorId: q.author });
  if (q.translator) and.push({ translatorId: q.translator });
  if (q.contribution) and.push({ isContribution: q.contribution === "1" });
  if (q.q) and.push({ title: { contains: escapeLike(q.q), mode: "insensitive" } });
  return and;
}

/**
 * 全部文章: editors and admins see every article, everyone else what they wrote or translate.
 * Filters, title search, four sorts, 20 a page, and a count per status in one grouped query
 * under the same visibility and filters. Deleted articles only ever appear in an admin's 回收站.
 */
export async function listArticles(actor: Actor | null, input: unknown = {}): Promise<ArticleList> {
  assertCan(actor, "article.create");
  const parsed = listArticlesQuerySchema.parse(input ?? {});
  const seesAll = can(actor, "article.editAny");
  const trash = mayUseTrash(actor);
  const query: ListArticlesQuery = {
    ...parsed,
    view: trash ? parsed.view : undefined,
    // the trash lists every deleted article whatever its status
    status: parsed.view === "trash" && trash ? undefined : parsed.status,
  };
  const filters = whereFor(actor, query, seesAll);
  const live: Prisma.ArticleWhereInput = { AND: [...filters, { deletedAt: null }] };
  const deleted: Prisma.ArticleWhereInput = { AND: [...filters, { deletedAt: { not: null } }] };
  const base = query.view === "trash" ? deleted : live;
  const where: Prisma.ArticleWhereInput = query.status ? { AND: [base, { status: query.status }] } : base;
  const [total, rows, grouped, trashCount] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: ORDER[query.sort ?? "updated"],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: rowSelect,
    }),
    db.article.groupBy({ by: ["status"], where: live, _count: { _all: true } }),
    trash ? db.article.count({ where: deleted }) : null,
  ]);
  const counts = Object.fromEntries(Object.values(ArticleStatus).map((s) => [s, 0])) as Record<
    ArticleStatus,
    number
  >;
  for (const g of grouped) counts[g.status] = g._count._all;
  const items = rows.map((r): ArticleRow => {
    const ref = refOf(r);
    const isLive = !r.deletedAt;
    const mayUnpublish = isLive && can(actor, "article.unpublish", ref);
    return {
      id: r.id,
      publicId: r.publicId,
      title: r.title,
      status: r.status,
      version: r.version,
      isTranslation: Boolean(r.sourceUrl),
      isContribution: r.isContribution,
      categoryName: r.category.name,
      authorName: r.author.profile?.displayName ?? "未知作者",
      translatorName: r.translator ? (r.translator.profile?.displayName ?? "未知译者") : null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      publishedAt: r.publishedAt,
      scheduledAt: r.scheduledAt,
      deletedAt: r.deletedAt,
      deletedByName: r.deletedBy?.profile?.displayName ?? null,
      actions: {
        unpublish: mayUnpublish && (r.status === "PUBLISHED" || r.status === "SCHEDULED"),
        archive: mayUnpublish && r.status !== "ARCHIVED",
        delete: isLive && can(actor, "article.delete", ref),
        restore: !isLive && trash,
      },
    };
  });
  return {
    items,
    total,
    page: query.page,
    pageCount: pageCountOf(total),
    query,
    counts,
    trashCount,
    seesAll,
  };
}
