import Ajv2020 from "ajv/dist/2020";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_API_ROUTES } from "@/lib/api/admin-openapi";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/services/api-tokens/create-token";
import { TOKEN_SCOPES } from "@/lib/services/api-tokens/scopes";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { createArticle, createCategory, createUser, uid } from "@/lib/test/factories";
import { getApi, testIp } from "../test-client";
import { adminApiModules, callAdmin } from "./admin-client";

type Method = "GET" | "POST" | "PATCH";
type Operation = { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> };
type Doc = { paths: Record<string, Record<string, Operation>> };

let apiDoc: Doc;
let secret: string;
let categoryId: number;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

/** Checks a body against the schema the served document gives for that route, method and status. */
function expectDocumented(template: string, method: Method, status: number, body: unknown) {
  const op = apiDoc.paths[template]?.[method.toLowerCase()];
  expect(op, `${method} ${template} is not documented`).toBeDefined();
  const response = op!.responses[String(status)];
  expect(response, `${method} ${template}: status ${status} is not documented`).toBeDefined();
  const ref = response!.content?.["application/json"]?.schema.$ref;
  expect(ref, `${method} ${template} ${status} has no schema`).toBeDefined();
  const validate = ajv.getSchema(`openapi${ref}`)!;
  expect(validate(body), `${method} ${template} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

async function call(method: Method, path: string, opts: Parameters<typeof callAdmin>[2] = {}) {
  const r = await callAdmin(method, path, { token: secret, ...opts });
  expectDocumented(r.template, method, r.status, r.body);
  return r;
}

beforeAll(async () => {
  const res = (await getApi("/api/v1/openapi.json", testIp())).res;
  apiDoc = JSON.parse(await res.text());
  ajv.addSchema(apiDoc, "openapi");
  const admin: Actor = await createActor("ADMIN");
  secret = (await createApiToken(admin, { name: "契约测试", scopes: [...TOKEN_SCOPES] })).secret;
  categoryId = (await createCategory()).id;
});

async function pendingComment() {
  const article = await createArticle({ categoryId });
  const reader = await createUser();
  return db.comment.create({
    data: { articleId: article.id, authorId: reader.id, body: `契约 ${uid()}`, status: "PENDING" },
  });
}

describe("Admin API contract", () => {
  it("calls every route and method, and each answer matches the OpenAPI document", async () => {
    const called = new Set<string>();
    const note = (method: Method, template: string) => called.add(`${method.toLowerCase()} ${template}`);

    const created = await call("POST", "/api/v1/admin/articles", {
      json: { title: "契约草稿", categoryId, body: doc("正文。"), tags: ["契约"] },
    });
    expect(created.status).toBe(201);
    note("POST", created.template);
    const publicId = created.body!.publicId as string;
    const base = `/api/v1/admin/articles/${publicId}`;

    note("GET", (await call("GET", "/api/v1/admin/articles?status=DRAFT&page=1")).template);
    const got = await call("GET", base);
    expect(got.status).toBe(200);
    note("GET", got.template);
    const saved = await call("PATCH", base, { json: { version: 1, lede: "导语。" } });
    expect(saved.status).toBe(200);
    note("PATCH", saved.template);
    expect((await call("PATCH", base, { json: { version: 1, lede: "过期" } })).status).toBe(409);
    const published = await call("POST", `${base}/publish`, { json: { version: saved.body!.version } });
    expect(published.status).toBe(200);
    note("POST", published.template);
    const back = await call("POST", `${base}/unpublish`, { json: { to: "ARCHIVED" } });
    expect(back.body).toMatchObject({ status: "ARCHIVED" });
    note("POST", back.template);
    expect((await call("GET", "/api/v1/admin/articles/zzzzzz9")).status).toBe(404);

    const c = await pendingComment();
    const queue = await call("GET", "/api/v1/admin/comments");
    expect(queue.status).toBe(200);
    note("GET", queue.template);
    const moderated = await call("POST", "/api/v1/admin/comments/moderate", {
      json: { ids: [c.id], decision: "reject" },
    });
    expect(moderated.body).toEqual({ changed: 1, skipped: 0 });
    note("POST", moderated.template);

    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#333" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "x.png");
    form.set("decorative", "true");
    const up = await call("POST", "/api/v1/admin/media", { body: form });
    expect(up.status).toBe(201);
    note("POST", up.template);

    // 401 and 403 are documented answers too
    const anonymous = await callAdmin("GET", "/api/v1/admin/articles");
    expectDocumented(anonymous.template, "GET", anonymous.status, anonymous.body);
    const admin = await createActor("ADMIN");
    const narrow = (await createApiToken(admin, { name: "窄", scopes: ["media:write"] })).secret;
    const refused = await callAdmin("GET", "/api/v1/admin/articles", { token: narrow });
    expect(refused.status).toBe(403);
    expectDocumented(refused.template, "GET", refused.status, refused.body);

    const everyOperation = ADMIN_API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect([...called].sort()).toEqual(everyOperation);
    const everyModule = Object.entries(adminApiModules).flatMap(([path, mod]) =>
      Object.keys(mod).map((m) => `${m.toLowerCase()} ${path}`),
    );
    expect(everyModule.sort()).toEqual(everyOperation);
  });
});

/** One hostile request: what it sends and to where. */
type Hostile = { name: string; method: Method; path: string } & Parameters<typeof callAdmin>[2];

describe("hostile input on every write route", () => {
  it("answers each with a documented 4xx JSON error with a message, never a 500, and writes nothing", async () => {
    const marker = `敌意${uid(6)}`;
    const target = await callAdmin("POST", "/api/v1/admin/articles", {
      token: secret,
      json: { title: `${marker} 靶子`, categoryId, body: doc("原文。") },
    });
    const art = `/api/v1/admin/articles/${target.body!.publicId as string}`;
    const c = await pendingComment();
    const huge = JSON.stringify({ title: marker, categoryId, lede: "长".repeat(400_000) });
    const writes: { method: Method; path: string; valid: Record<string, unknown> }[] = [
      { method: "POST", path: "/api/v1/admin/articles", valid: { title: marker, categoryId } },
      { method: "PATCH", path: art, valid: { version: 1, title: marker } },
      { method: "POST", path: `${art}/publish`, valid: { version: 1 } },
      { method: "POST", path: `${art}/unpublish`, valid: { to: "DRAFT" } },
      { method: "POST", path: "/api/v1/admin/comments/moderate", valid: { ids: [c.id], decision: "spam" } },
    ];
    const cases: Hostile[] = writes.flatMap(({ method, path, valid }) => {
      const [key, value] = Object.entries(valid)[0]!;
      const replace = (v: unknown) => ({ ...valid, [key]: v });
      return [
        { name: "operator object", method, path, json: replace({ $ne: null }) },
        { name: "operator in an array", method, path, json: replace([{ $gt: "" }]) },
        {
          name: "NUL",
          method,
          path,
          json: replace(typeof value === "string" ? `${value}\u0000` : `\u0000${String(value)}`),
        },
        { name: "unknown field", method, path, json: { ...valid, authorId: "x", status: "PUBLISHED" } },
        { name: "a bare array", method, path, json: [valid] },
        { name: "JSON null", method, path, json: null },
        { name: "not JSON", method, path, body: "{title:", contentType: "application/json" },
        {
          name: "form encoded",
          method,
          path,
          body: "title=x",
          contentType: "application/x-www-form-urlencoded",
        },
        { name: "empty", method, path, body: "", contentType: "application/json" },
        {
          name: "invalid UTF-8",
          method,
          path,
          body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
          contentType: "application/json",
        },
        { name: "oversized (1.2 MB)", method, path, body: huge, contentType: "application/json" },
      ];
    });
    cases.push(
      { name: "version past int4", method: "PATCH", path: art, json: { version: 3_000_000_000, title: "x" } },
      { name: "version past int4", method: "POST", path: `${art}/publish`, json: { version: 2 ** 53 - 1 } },
      { name: "unknown query parameter", method: "GET", path: "/api/v1/admin/articles?sort=title" },
      { name: "bad page", method: "GET", path: "/api/v1/admin/articles?page=abc" },
      { name: "page 0", method: "GET", path: "/api/v1/admin/articles?page=0" },
      { name: "operator-shaped query", method: "GET", path: "/api/v1/admin/articles?status[$ne]=DRAFT" },
      {
        name: "repeated parameter",
        method: "GET",
        path: "/api/v1/admin/comments?status=PENDING&status=SPAM",
      },
      { name: "bad status", method: "GET", path: "/api/v1/admin/comments?status=DELETED" },
      { name: "bad publicId", method: "GET", path: "/api/v1/admin/articles/%24ne" },
      { name: "upload without multipart", method: "POST", path: "/api/v1/admin/media", json: { file: "x" } },
      {
        name: "upload of text named .png",
        method: "POST",
        path: "/api/v1/admin/media",
        body: (() => {
          const f = new FormData();
          f.set("file", new Blob(["<svg onload=alert(1)>"], { type: "image/png" }), "x.png");
          return f;
        })(),
      },
    );

    for (const h of cases) {
      const r = await callAdmin(h.method, h.path, { token: secret, ...h });
      const label = `${h.method} ${h.path} — ${h.name}`;
      expect(r.status, label).toBeGreaterThanOrEqual(400);
      expect(r.status, label).toBeLessThan(500);
      const message = (r.body?.error as { message?: unknown } | undefined)?.message;
      expect(typeof message === "string" && message.length > 0, `${label}: ${JSON.stringify(r.body)}`).toBe(
        true,
      );
      if (r.status !== 413) expectDocumented(r.template, h.method, r.status, r.body);
    }

    // nothing was half-written: the one target article is untouched, the comment still waits
    const rows = await db.article.findMany({ where: { title: { startsWith: marker } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "DRAFT", version: 1, title: `${marker} 靶子` });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PENDING");
  });
});
