import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertStrictInput } from "@/lib/security/strict-input";
import { ADMIN_API_ROUTES } from "./admin-openapi";
import { CONTENT_API_ROUTES, openApiDocument } from "./openapi";

const V1 = path.resolve(import.meta.dirname, "../../app/api/v1");

/** app/api/v1/articles/[publicId]/route.ts → /api/v1/articles/{publicId} */
const routeFiles = () =>
  readdirSync(V1, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => `/api/v1/${path.dirname(f).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"))
    .sort();

const isAdmin = (p: string) => p.startsWith("/api/v1/admin/");

/** The HTTP methods a route file exports (GET, POST…), lower-cased as OpenAPI names them. */
const methodsOf = async (template: string) => {
  const file = path.join(V1, template.slice("/api/v1/".length).replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  const mod = (await import(file)) as Record<string, unknown>;
  return ["GET", "POST", "PATCH", "PUT", "DELETE"]
    .filter((m) => typeof mod[m] === "function")
    .map((m) => m.toLowerCase());
};

describe("the API's OpenAPI document", () => {
  const doc = openApiDocument("https://example.com") as {
    paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; security?: unknown }>>;
    servers: { url: string }[];
  };

  it("lists every route handler under app/api/v1, and nothing else", () => {
    const files = routeFiles();
    expect(CONTENT_API_ROUTES.map((r) => r.path).sort()).toEqual(files.filter((f) => !isAdmin(f)));
    expect([...new Set(ADMIN_API_ROUTES.map((r) => r.path))].sort()).toEqual(files.filter(isAdmin));
    expect(Object.keys(doc.paths).sort()).toEqual(files);
    expect(doc.servers).toEqual([{ url: "https://example.com" }]);
  });

  it("documents exactly the query parameters each strict schema accepts", () => {
    for (const route of CONTENT_API_ROUTES) {
      expect(() => assertStrictInput(route.path, route.query)).not.toThrow();
      const documented = doc.paths[route.path]!.get!.parameters.filter((p) => p.in === "query").map(
        (p) => p.name,
      );
      expect(documented, route.path).toEqual(Object.keys(route.query.shape));
    }
  });
});

describe("the Admin API in the document", () => {
  const doc = openApiDocument("https://example.com") as {
    paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown }>>;
  };

  it("documents each exported method of each admin route file, with its token scope", async () => {
    for (const template of [...new Set(ADMIN_API_ROUTES.map((r) => r.path))]) {
      const documented = Object.keys(doc.paths[template]!).sort();
      expect(documented, template).toEqual((await methodsOf(template)).sort());
    }
    for (const r of ADMIN_API_ROUTES) {
      const op = doc.paths[r.path]![r.method]!;
      expect(op.security, `${r.method} ${r.path}`).toEqual([{ bearerAuth: [r.scope] }]);
      expect(Boolean(op.requestBody), `${r.method} ${r.path}`).toBe(Boolean(r.body || r.multipart));
    }
  });
});
