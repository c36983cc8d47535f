import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertStrictInput } from "@/lib/security/strict-input";
import { CONTENT_API_ROUTES, openApiDocument } from "./openapi";

const V1 = path.resolve(import.meta.dirname, "../../app/api/v1");

/** app/api/v1/articles/[publicId]/route.ts → /api/v1/articles/{publicId} */
const routeFiles = () =>
  readdirSync(V1, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => `/api/v1/${path.dirname(f).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"))
    .sort();

describe("the Content API's OpenAPI document", () => {
  const doc = openApiDocument("https://example.com") as {
    paths: Record<string, { get: { parameters: { name: string; in: string }[] } }>;
    servers: { url: string }[];
  };

  it("lists every route handler under app/api/v1, and nothing else", () => {
    expect(CONTENT_API_ROUTES.map((r) => r.path).sort()).toEqual(routeFiles());
    expect(Object.keys(doc.paths).sort()).toEqual(routeFiles());
    expect(doc.servers).toEqual([{ url: "https://example.com" }]);
  });

  it("documents exactly the query parameters each strict schema accepts", () => {
    for (const route of CONTENT_API_ROUTES) {
      expect(() => assertStrictInput(route.path, route.query)).not.toThrow();
      const documented = doc.paths[route.path]!.get.parameters.filter((p) => p.in === "query").map(
        (p) => p.name,
      );
      expect(documented, route.path).toEqual(Object.keys(route.query.shape));
    }
  });
});
