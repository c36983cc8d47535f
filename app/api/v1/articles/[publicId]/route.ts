import { AppError } from "@/lib/errors";
import { parseQuery } from "@/lib/api/query";
import { toArticle } from "@/lib/api/present";
import { contentRoute, preflight } from "@/lib/api/respond";
import { emptyQuerySchema, type ArticleDetailJson } from "@/lib/api/schemas";
import { publicIdSchema } from "@/lib/public-id";
import { getApiArticle } from "@/lib/services/api/get-api-article";

/**
 * GET /api/v1/articles/{publicId}: one published article with its body as HTML and plain text,
 * translation attribution, tags and corrections. Drafts, scheduled and future-dated articles
 * answer exactly like an unknown id (404).
 */
export const GET = contentRoute(async (req, params): Promise<ArticleDetailJson> => {
  parseQuery(new URL(req.url), emptyQuerySchema);
  const publicId = publicIdSchema.safeParse(params.publicId);
  if (!publicId.success) throw new AppError("NOT_FOUND");
  const article = await getApiArticle(publicId.data);
  if (!article) throw new AppError("NOT_FOUND");
  return { data: toArticle(article) };
});

export const OPTIONS = preflight;
