import { parseQuery } from "@/lib/api/query";
import { contentRoute, preflight } from "@/lib/api/respond";
import { emptyQuerySchema, type TagListJson } from "@/lib/api/schemas";
import { listTags } from "@/lib/services/public/list-tags";

/** GET /api/v1/tags: the tags with published articles, busiest first, with kind and aliases. */
export const GET = contentRoute(async (req): Promise<TagListJson> => {
  parseQuery(new URL(req.url), emptyQuerySchema);
  // the 专题 index's own read, up to its cap of 500
  return { data: await listTags(500) };
});

export const OPTIONS = preflight;
