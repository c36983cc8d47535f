import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { CONTENT_API_ROUTES } from "@/lib/api/openapi";
import { errorSchema } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { createArticle, createCategory, createTag, createUser, paragraphs, uid } from "@/lib/test/factories";
import { contentApiModules, getApi, testIp } from "./test-client";

type Doc = {
  openapi: string;
  paths: Record<
    string,
    { get: { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> } }
  >;
};

const ip = testIp();

/**
 * The contract (issue 17): every Content API route is called and each body is validated against
 * the schema the served OpenAPI document gives for that route and status, by a JSON Schema
 * 2020-12 validator (ajv), and against the zod schema the document was derived from.
 */
describe("Content API contract", () => {
  let doc: Doc;
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const marker = `kvq${uid(6)}`;
  const calls: string[] = [];

  beforeAll(async () => {
    const res = (await getApi("/api/v1/openapi.json", ip)).res;
    expect(res.status).toBe(200);
    doc = JSON.parse(await res.text());
    ajv.addSchema(doc, "openapi");

    const category = await createCategory();
    const tag = await db.tag.create({
      data: { slug: `apt-${uid(6)}`, name: `威胁${uid(4)}`, kind: "ACTOR", description: "测试组织。" },
    });
    await db.tagAlias.create({ data: { key: `alias-${uid(6)}`, name: `Alias ${uid(4)}`, tagId: tag.id } });
    const plainTag = await createTag();
    const author = await createUser({ role: "EDITOR", bio: "写安全新闻。" });
    const translator = await createUser({ role: "TRANSLATOR" });
    const a = await createArticle({
      title: `${marker} 译文`,
      categoryId: category.id,
      authorId: author.id,
      translatorId: translator.id,
      tagIds: [tag.id, plainTag.id],
      body: paragraphs(`${marker} 正文`),
      source: { url: "https://example.com/a", title: "A", author: "B", site: "C", publishedAt: new Date() },
    });
    await db.articleCorrection.create({
      data: { articleId: a.id, kind: "UPDATE", note: "补充了厂商回应。" },
    });
    const b = await createArticle({ categoryId: category.id, authorId: author.id, title: `${marker} 原创` });

    calls.push(
      "/api/v1/articles",
      "/api/v1/articles?limit=1",
      `/api/v1/articles?category=${category.slug}&tag=${tag.slug}&member=${translator.profile!.publicId}`,
      `/api/v1/articles?author=${author.profile!.publicId}&fields=title,url,author&from=2000-01-01`,
      `/api/v1/articles/${a.publicId}`,
      `/api/v1/articles/${b.publicId}`,
      "/api/v1/categories",
      "/api/v1/tags",
      `/api/v1/authors/${author.profile!.publicId}`,
      `/api/v1/authors/${translator.profile!.publicId}`,
      `/api/v1/search?q=${marker}`,
      "/api/v1/search?q=nothing-matches-this-xyz&page=2",
      "/api/v1/openapi.json",
      // errors
      "/api/v1/articles?unknown=1",
      "/api/v1/articles/zzzzzz9",
      "/api/v1/authors/zzzzzz9",
      "/api/v1/search",
    );
  });

  it("documents every route, and only those, with a response schema that compiles", () => {
    expect(doc.openapi).toBe("3.1.0");
    const templates = Object.keys(contentApiModules).sort();
    // the Admin API's paths are checked by app/api/v1/admin/admin-contract.int.test.ts
    expect(
      Object.keys(doc.paths)
        .filter((p) => !p.startsWith("/api/v1/admin/"))
        .sort(),
    ).toEqual(templates);
    expect(CONTENT_API_ROUTES.map((r) => r.path).sort()).toEqual(templates);
    for (const path of templates) {
      const responses = doc.paths[path]!.get.responses;
      expect(Object.keys(responses), path).toEqual(expect.arrayContaining(["200", "304", "400", "429"]));
      const ref = responses["200"]!.content!["application/json"]!.schema.$ref;
      if (path !== "/api/v1/openapi.json")
        expect(ajv.getSchema(`openapi${ref}`), path).toBeTypeOf("function");
    }
  });

  it("validates every route's answer against the document and the zod schemas", async () => {
    const checked = new Set<string>();
    for (const path of calls) {
      const { template, res } = await getApi(path, ip);
      const status = String(res.status);
      const raw = await res.text();
      const value: unknown = JSON.parse(raw);
      expect(raw, path).not.toMatch(/[<>]/);
      const response = doc.paths[template]!.get.responses[status];
      expect(response, `${path}: status ${status} is not documented`).toBeDefined();
      const schema = response!.content!["application/json"]!.schema;
      if (schema.$ref) {
        const validate = ajv.getSchema(`openapi${schema.$ref}`)!;
        expect(validate(value), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
      const route = CONTENT_API_ROUTES.find((r) => r.path === template)!;
      const zodSchema: z.ZodType | null = res.ok ? route.response : errorSchema;
      if (zodSchema) expect(zodSchema.safeParse(value).success, path).toBe(true);
      if (res.ok) checked.add(template);
      // the searches and filtered lists above must have found something to check
      if (path.includes(marker) || path.includes("member="))
        expect((value as { data: unknown[] }).data.length, path).toBeGreaterThan(0);
    }
    expect([...checked].sort()).toEqual(Object.keys(contentApiModules).sort());
  });

  it("fails a body that breaks the documented shape (the check can fail)", () => {
    const validate = ajv.getSchema("openapi#/components/schemas/ArticleList")!;
    expect(validate({ data: [{ title: "no publicId" }], next_cursor: null })).toBe(false);
    expect(validate({ data: [], next_cursor: null, extra: 1 })).toBe(false);
    expect(validate({ data: [], next_cursor: null })).toBe(true);
  });
});
