import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import {
  listItemSelect,
  PAGE_SIZE,
  pageCountOf,
  toListItem,
  type ArticleListItem,
  type Paged,
} from "./article-dto";

const inputSchema = z.object({
  status: z.enum(ArticleStatus).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type MyArticles = Paged<ArticleListItem> & {
  status: ArticleStatus | undefined;
  counts: Record<ArticleStatus, number>;
};

/**
 * 我的文章: what the actor wrote or translated, optionally one status, most recently touched
 * first, with a count per status for the dashboard tabs. Scoped to the actor in the query.
 */
export async function listMyArticles(
  actor: Actor | null,
  input: { status?: unknown; page?: unknown } = {},
): Promise<MyArticles> {
  assertCan(actor, "article.create");
  const { status, page } = inputSchema.parse(input);
  const mine = { deletedAt: null, OR: [{ authorId: actor.id }, { translatorId: actor.id }] };
  const where = status ? { AND: [mine, { status }] } : mine;
  const [total, rows, grouped] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: listItemSelect,
    }),
    db.article.groupBy({ by: ["status"], where: mine, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(Object.values(ArticleStatus).map((s) => [s, 0])) as Record<
    ArticleStatus,
    number
  >;
  for (const g of grouped) counts[g.status] = g._count._all;
  return { items: rows.map(toListItem), total, page, pageCount: pageCountOf(total), status, counts };
}
