import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import {
  listItemSelect,
  PAGE_SIZE,
  pageCountOf,
  toListItem,
  type ArticleListItem,
  type Paged,
} from "./article-dto";

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** A queue row: contributions are marked, and the submitter's note (附言) is shown. */
export type ReviewQueueItem = ArticleListItem & { isContribution: boolean; submitNote: string | null };

/** 审核队列 (editors and admins): everything submitted for review, longest-waiting first. */
export async function listReviewQueue(
  actor: Actor | null,
  input: { page?: unknown } = {},
): Promise<Paged<ReviewQueueItem>> {
  assertCan(actor, "article.review");
  const page = pageSchema.parse(input.page ?? 1);
  const where = { status: "IN_REVIEW" as const, deletedAt: null };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        ...listItemSelect,
        isContribution: true,
        // the latest submission's note: the row that moved it into review this time
        transitions: {
          where: { toStatus: "IN_REVIEW" },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { note: true },
        },
      },
    }),
  ]);
  const items = rows.map(({ isContribution, transitions, ...r }) => ({
    ...toListItem(r),
    isContribution,
    submitNote: transitions[0]?.note ?? null,
  }));
  return { items, total, page, pageCount: pageCountOf(total) };
}
