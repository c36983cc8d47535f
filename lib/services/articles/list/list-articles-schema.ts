import { z } from "zod";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import { isSafeText } from "@/lib/validation";

export const MAX_TITLE_QUERY = 100;
const ARTICLE_SORTS = ["updated", "published", "created", "title"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

// URL query values: a repeated parameter (?status=A&status=B) counts by its first value
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const param = <T extends z.ZodType>(s: T) => z.preprocess(first, s);
const userId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const flag = z.enum(["1", "0"]);

/**
 * The list's URL query (全部文章). A link someone edited by hand must still open the list, so a
 * value that does not parse falls back to "no filter" instead of an error page; the title query
 * is cut to a bounded length and refused (ignored) when it carries control characters.
 */
export const listArticlesQuerySchema = z.object({
  status: param(z.enum(ArticleStatus).optional()).catch(undefined),
  category: param(z.coerce.number().int().positive().max(2_147_483_647).optional()).catch(undefined),
  author: param(userId.optional()).catch(undefined),
  translator: param(userId.optional()).catch(undefined),
  /** 1: contributions (投稿) only, 0: everything but */
  contribution: param(flag.optional()).catch(undefined),
  /** 1: written or translated by me */
  mine: param(flag.optional()).catch(undefined),
  q: param(
    z
      .string()
      .transform((s) => Array.from(s.trim()).slice(0, MAX_TITLE_QUERY).join(""))
      .refine(isSafeText)
      .optional(),
  ).catch(undefined),
  sort: param(z.enum(ARTICLE_SORTS).optional()).catch(undefined),
  /** trash: an admin's 回收站 (deleted articles) */
  view: param(z.enum(["trash"]).optional()).catch(undefined),
  page: param(z.coerce.number().int().min(1).max(10_000)).catch(1).default(1),
});

export type ListArticlesQuery = z.output<typeof listArticlesQuerySchema>;

/** The same query as URL parameters (defaults left out), for tabs, sort links and the pager. */
export function listArticlesHref(q: Partial<ListArticlesQuery>, base = "/editor/articles") {
  const p = new URLSearchParams();
  for (const key of [
    "view",
    "status",
    "q",
    "category",
    "author",
    "translator",
    "contribution",
    "mine",
    "sort",
  ] as const) {
    const v = q[key];
    if (v !== undefined && v !== "") p.set(key, String(v));
  }
  if (q.page && q.page > 1) p.set("page", String(q.page));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}
