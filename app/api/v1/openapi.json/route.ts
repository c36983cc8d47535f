import { parseQuery } from "@/lib/api/query";
import { openApiDocument } from "@/lib/api/openapi";
import { contentRoute, preflight } from "@/lib/api/respond";
import { emptyQuerySchema } from "@/lib/api/schemas";
import { siteUrl } from "@/lib/site-url";

/** GET /api/v1/openapi.json: the Content API's OpenAPI 3.1 document, derived from lib/api/schemas.ts. */
export const GET = contentRoute(async (req) => {
  parseQuery(new URL(req.url), emptyQuerySchema);
  return openApiDocument(siteUrl());
});

export const OPTIONS = preflight;
