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

/** 审核队列 (editors and admins): everything submitted for review, longest-waiting first. */
export async function listReviewQueue(
  actor: Actor | null,
  input: { page?: unknown } = {},
): Promise<Paged<ArticleListItem>> {
  assertCan(actor, "article.review");
  const page = pageSchema.parse(input.page ?? 1);
  const where = { status: "IN_REVIEW" as const };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: listItemSelect,
    }),
  ]);
  return { items: rows.map(toListItem), total, page, pageCount: pageCountOf(total) };
}
