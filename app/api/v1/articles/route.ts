import { AppError } from "@/lib/errors";
import { parseQuery } from "@/lib/api/query";
import { pick, toSummary } from "@/lib/api/present";
import { contentRoute, preflight } from "@/lib/api/respond";
import { articleListQuerySchema, type ArticleField, type ArticleListJson } from "@/lib/api/schemas";
import { normaliseCveId } from "@/lib/cve/id";
import { listApiArticles } from "@/lib/services/api/list-api-articles";
import { decodeCursor } from "@/lib/services/public/cursor";

const DAY_MS = 86_400_000;
const isDateOnly = (s: string) => s.length === 10;

/**
 * GET /api/v1/articles: published articles, newest first, one keyset page (`next_cursor` → the
 * next). Filters: category, tag, author, translator, member, from, to, cve; `fields` trims items.
 */
export const GET = contentRoute(async (req): Promise<ArticleListJson> => {
  const q = parseQuery(new URL(req.url), articleListQuerySchema);
  const from = q.from ? new Date(q.from) : undefined;
  // a date alone includes that whole day; a time is inclusive to the millisecond (timestamp(3))
  const until = q.to ? new Date(new Date(q.to).getTime() + (isDateOnly(q.to) ? DAY_MS : 1)) : undefined;
  if (from && until && from >= until) throw new AppError("INVALID", "参数 to 无效：须不早于 from。");
  const page = await listApiArticles(
    {
      category: q.category,
      tag: q.tag,
      author: q.author,
      translator: q.translator,
      member: q.member,
      cve: q.cve ? (normaliseCveId(q.cve) ?? undefined) : undefined,
      from,
      until,
    },
    q.cursor ? decodeCursor(q.cursor) : null,
    q.limit ? Number(q.limit) : 20,
  );
  const fields = q.fields ? (q.fields.split(",") as ArticleField[]) : null;
  return {
    data: page.items.map((card) => pick(toSummary(card), fields) as ArticleListJson["data"][number]),
    next_cursor: page.nextCursor,
  };
});

export const OPTIONS = preflight;
