import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { segmentQuery } from "@/lib/search/segment";
import { highlightHtml, snippetHtml } from "@/lib/search/snippet";
import { cardColumns, cardJoins, isPublic, toCard, type ArticleCard, type CardRow } from "./article-card";
import { lists } from "./cache-profile";

const SEARCH_PAGE_SIZE = 10;
/** ranked results are paged by number (keyset on a float rank is not stable); deep pages are capped */
const SEARCH_MAX_PAGE = 50;

export const searchInputSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).catch(1),
});
export type SearchInput = { q: string; page?: number | string };

/** titleHtml and snippetHtml are escaped text with <mark> around hits, safe to render as HTML. */
type SearchHit = ArticleCard & { titleHtml: string; snippetHtml: string };
export type SearchResult = {
  query: string;
  words: string[];
  page: number;
  total: number;
  pageCount: number;
  hits: SearchHit[];
};

type Row = CardRow & { bodyText: string; total: number };

/**
 * Full-text search over the jieba-segmented search vector (title A, lede B, body C), ranked with
 * ts_rank. Results and the total count come from one statement (count(*) OVER ()).
 */
export async function searchArticles(input: SearchInput): Promise<SearchResult> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  const { q, page } = searchInputSchema.parse(input);
  const words = segmentQuery(q);
  const empty: SearchResult = { query: q, words, page, total: 0, pageCount: 0, hits: [] };
  if (!words.length) return empty;

  const rows = await db.$queryRaw<Row[]>`
    SELECT ${cardColumns}, a."bodyText", count(*) OVER ()::int AS total
    FROM articles a ${cardJoins}, websearch_to_tsquery('simple', ${words.join(" ")}) AS query
    WHERE ${isPublic} AND a."searchVector" @@ query
    ORDER BY ts_rank(a."searchVector", query) DESC, a."publishedAt" DESC, a."publicId" DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`;
  if (!rows.length) return empty;

  const total = Number(rows[0]!.total);
  // snippets are built here so the cache stores a short excerpt, not every body
  const hits = rows.map((r) => ({
    ...toCard(r),
    titleHtml: highlightHtml(r.title, words),
    snippetHtml: snippetHtml([r.bodyText, r.lede], words),
  }));
  return { ...empty, total, pageCount: Math.min(Math.ceil(total / SEARCH_PAGE_SIZE), SEARCH_MAX_PAGE), hits };
}
