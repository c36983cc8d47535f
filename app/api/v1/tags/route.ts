import { parseQuery } from "@/lib/api/query";
import { contentRoute, preflight } from "@/lib/api/respond";
import { emptyQuerySchema, type TagListJson } from "@/lib/api/schemas";
import { listApiTags } from "@/lib/services/api/list-api-tags";

/** GET /api/v1/tags: the tags with published articles, busiest first, with kind and aliases. */
export const GET = contentRoute(async (req): Promise<TagListJson> => {
  parseQuery(new URL(req.url), emptyQuerySchema);
  return { data: await listApiTags() };
});

export const OPTIONS = preflight;
