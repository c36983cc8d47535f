import { parseQuery } from "@/lib/api/query";
import { contentRoute, preflight } from "@/lib/api/respond";
import { emptyQuerySchema, type CategoryListJson } from "@/lib/api/schemas";
import { listCategories } from "@/lib/services/public/list-categories";

/** GET /api/v1/categories: every category in the category bar's order. */
export const GET = contentRoute(async (req): Promise<CategoryListJson> => {
  parseQuery(new URL(req.url), emptyQuerySchema);
  const categories = await listCategories();
  return { data: categories.map((c) => ({ slug: c.slug, name: c.name, description: c.description })) };
});

export const OPTIONS = preflight;
