import { parseQuery } from "@/lib/api/query";
import { toSummary } from "@/lib/api/present";
import { contentRoute, preflight } from "@/lib/api/respond";
import { searchQuerySchema, type SearchResultJson } from "@/lib/api/schemas";
import { searchArticles } from "@/lib/services/public/search-articles";

/** GET /api/v1/search?q=: the site search (same segmentation, ranking, 10 a page, 50 pages). */
export const GET = contentRoute(async (req): Promise<SearchResultJson> => {
  const { q, page } = parseQuery(new URL(req.url), searchQuerySchema);
  const result = await searchArticles({ q, page: page ? Number(page) : 1 });
  return {
    data: result.hits.map((hit) => ({
      ...toSummary(hit),
      titleHtml: hit.titleHtml,
      snippetHtml: hit.snippetHtml,
    })),
    query: result.query,
    page: result.page,
    page_count: result.pageCount,
    total: result.total,
  };
});

export const OPTIONS = preflight;
