import { describe, expect, it } from "vitest";
import { ADMIN_API_ROUTES } from "./admin-openapi";
import { CONTENT_API_ROUTES, openApiDocument } from "./openapi";
import { referenceOf, typeOf } from "./reference";

describe("the admin API reference", () => {
  const ops = referenceOf(openApiDocument("https://example.com") as Parameters<typeof referenceOf>[0]);

  it("has one entry per operation of both APIs, each admin one with its scope", () => {
    expect(ops).toHaveLength(CONTENT_API_ROUTES.length + ADMIN_API_ROUTES.length);
    for (const r of ADMIN_API_ROUTES) {
      const op = ops.find((o) => o.path === r.path && o.method === r.method.toUpperCase());
      expect(op?.scope, `${r.method} ${r.path}`).toBe(r.scope);
    }
    expect(ops.filter((o) => o.path.startsWith("/api/v1/admin/")).every((o) => o.scope)).toBe(true);
    expect(ops.filter((o) => !o.path.startsWith("/api/v1/admin/")).every((o) => o.scope === null)).toBe(true);
  });

  it("lists the create body's fields with types and what is required", () => {
    const create = ops.find((o) => o.method === "POST" && o.path === "/api/v1/admin/articles")!;
    expect(create.bodyType).toBe("json");
    expect(create.fields.find((f) => f.name === "title")).toMatchObject({ type: "string", required: true });
    expect(create.fields.find((f) => f.name === "tags")).toMatchObject({ type: "string[]", required: false });
    expect(create.responses.map((r) => r.status)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403"]),
    );
    const upload = ops.find((o) => o.path === "/api/v1/admin/media")!;
    expect(upload.bodyType).toBe("multipart");
    expect(upload.fields.find((f) => f.name === "file")).toMatchObject({ required: true, where: "表单" });
  });

  it("names types readably", () => {
    expect(typeOf({ type: ["string", "null"] })).toBe("string | null");
    expect(typeOf({ enum: ["DRAFT", "ARCHIVED"] })).toBe("DRAFT | ARCHIVED");
    expect(typeOf({ type: "array", items: { type: "integer" } })).toBe("integer[]");
    expect(typeOf({ $ref: "#/components/schemas/Person" })).toBe("Person");
    expect(typeOf(undefined)).toBe("any");
  });
});
