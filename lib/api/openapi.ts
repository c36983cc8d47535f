import { z } from "zod";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";
import { ADMIN_API_ROUTES, type AdminApiRoute } from "./admin-openapi";
import { ADMIN_API_RATE } from "./admin-limits";
import { CONTENT_API_RATE } from "./respond";
import {
  apiRegistry,
  articleDetailSchema,
  articleListQuerySchema,
  articleListSchema,
  authorDetailSchema,
  categoryListSchema,
  emptyQuerySchema,
  errorSchema,
  searchQuerySchema,
  searchResultSchema,
  tagListSchema,
} from "./schemas";

type JsonSchema = Record<string, unknown>;

type ContentApiRoute = {
  path: string;
  summary: string;
  query: z.ZodObject;
  /** null: the document itself */
  response: z.ZodType | null;
  notFound?: boolean;
};

/** Every Content API route; the contract test calls each one and checks it is documented. */
export const CONTENT_API_ROUTES: ContentApiRoute[] = [
  {
    path: "/api/v1/articles",
    summary: "Published articles, newest first, keyset-paginated and filterable",
    query: articleListQuerySchema,
    response: articleListSchema,
  },
  {
    path: "/api/v1/articles/{publicId}",
    summary: "One published article: HTML and plain text, attribution, tags, corrections",
    query: emptyQuerySchema,
    response: articleDetailSchema,
    notFound: true,
  },
  {
    path: "/api/v1/categories",
    summary: "All categories",
    query: emptyQuerySchema,
    response: categoryListSchema,
  },
  {
    path: "/api/v1/tags",
    summary: "Tags with published articles, with kind and aliases",
    query: emptyQuerySchema,
    response: tagListSchema,
  },
  {
    path: "/api/v1/authors/{publicId}",
    summary: "A member with published articles",
    query: emptyQuerySchema,
    response: authorDetailSchema,
    notFound: true,
  },
  {
    path: "/api/v1/search",
    summary: "Full-text search",
    query: searchQuerySchema,
    response: searchResultSchema,
  },
  { path: "/api/v1/openapi.json", summary: "This document", query: emptyQuerySchema, response: null },
];

const ref = (schema: z.ZodType) => {
  const id = apiRegistry.get(schema)?.id;
  if (!id) throw new Error("openapi: response schema is not registered in apiRegistry");
  return { $ref: `#/components/schemas/${id}` };
};

const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref(errorSchema)) });

/** Draft 2020-12 is OpenAPI 3.1's own dialect: a component needs no $schema or $id of its own. */
function components(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const rest: JsonSchema = { ...s };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

function parameters(route: { path: string; query: z.ZodObject }) {
  const input = z.toJSONSchema(route.query, { io: "input", target: "draft-2020-12" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  const query = Object.entries(input.properties ?? {}).map(([name, s]) => {
    const { description, ...schema } = s;
    return { name, in: "query", required: input.required?.includes(name) ?? false, description, schema };
  });
  const path = route.path.includes("{publicId}")
    ? [
        {
          name: "publicId",
          in: "path",
          required: true,
          schema: { type: "string", pattern: PUBLIC_ID_PATTERN.source },
        },
      ]
    : [];
  return [...path, ...query];
}

const headers = {
  ETag: { description: "Strong validator: a hash of the body", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "*", schema: { type: "string" } },
};

function operation(route: ContentApiRoute) {
  return {
    get: {
      summary: route.summary,
      parameters: parameters(route),
      responses: {
        "200": {
          description: "OK",
          headers,
          content: json(route.response ? ref(route.response) : { type: "object" }),
        },
        "304": { description: "Not modified: If-None-Match matched the ETag", headers },
        "400": errorResponse("Unknown or malformed query parameter, or a bad cursor"),
        ...(route.notFound ? { "404": errorResponse("Unknown, unpublished or future-dated") } : {}),
        "429": errorResponse(
          `Over ${CONTENT_API_RATE.limit} requests a minute from one address (Retry-After)`,
        ),
      },
    },
  };
}

function bodySchema(schema: z.ZodType): JsonSchema {
  // the article body's tiptap document has checks JSON Schema cannot say (they answer 400 with a message)
  const out = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
  delete out.$schema;
  return out as JsonSchema;
}

function adminOperation(route: AdminApiRoute) {
  const ok = route.status ?? "200";
  const query = route.query
    ? parameters({ ...route, query: route.query }).filter((p) => p.in === "query")
    : [];
  const path = route.path.includes("{publicId}")
    ? [
        {
          name: "publicId",
          in: "path",
          required: true,
          schema: { type: "string", pattern: PUBLIC_ID_PATTERN.source },
        },
      ]
    : [];
  return {
    summary: route.summary,
    description: `Scope: \`${route.scope}\`.`,
    security: [{ bearerAuth: [route.scope] }],
    parameters: [...path, ...query],
    ...(route.body
      ? { requestBody: { required: true, content: json(bodySchema(route.body)) } }
      : route.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    required: ["file"],
                    properties: {
                      file: { type: "string", contentMediaType: "application/octet-stream" },
                      alt: { type: "string" },
                      decorative: { type: "string", enum: ["true", "false"] },
                    },
                  },
                },
              },
            },
          }
        : {}),
    responses: {
      [ok]: { description: ok === "201" ? "Created" : "OK", content: json(ref(route.response)) },
      "400": errorResponse("Malformed, unknown or invalid input (fieldErrors name the fields)"),
      "401": errorResponse("Missing, unknown, revoked or expired token"),
      "403": errorResponse("The token lacks this route's scope, or the policy refuses the action"),
      ...(route.path.includes("{publicId}") ? { "404": errorResponse("No such article") } : {}),
      ...(route.conflict
        ? { "409": errorResponse("Stale version: nothing was written; currentVersion says the version now") }
        : {}),
      ...(route.multipart
        ? {
            "413": errorResponse("The file is over 10 MB"),
            "507": errorResponse("The server's storage is full"),
          }
        : {}),
      "429": errorResponse(`Over ${ADMIN_API_RATE.limit} requests a minute from one token (Retry-After)`),
    },
  };
}

function adminPaths(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ADMIN_API_ROUTES) (paths[r.path] ??= {})[r.method] = adminOperation(r);
  return paths;
}

let built: JsonSchema | undefined;

/** The OpenAPI 3.1 document of the Content API, derived from lib/api/schemas.ts (built once). */
export function openApiDocument(serverUrl: string): JsonSchema {
  built ??= {
    openapi: "3.1.0",
    info: {
      title: "Byline Content API and Admin API",
      version: "1.0.0",
      description:
        "Content API (/api/v1/…, GET): read-only, unauthenticated access to published content. Admin API (/api/v1/admin/…): writes and drafts with a scoped bearer token. Errors are `{ error: { code, message } }` with a zh-CN message. See docs/api.md.",
    },
    paths: { ...Object.fromEntries(CONTENT_API_ROUTES.map((r) => [r.path, operation(r)])), ...adminPaths() },
    components: {
      schemas: components(),
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "An Admin API integration token (byl_…), made by an admin under 管理后台 → 集成 → API 令牌",
        },
      },
    },
  };
  return { ...built, servers: [{ url: serverUrl }] };
}
