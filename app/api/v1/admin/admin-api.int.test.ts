import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/services/api-tokens/create-token";
import { listApiTokens } from "@/lib/services/api-tokens/list-tokens";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-token";
import { hashTokenSecret } from "@/lib/services/api-tokens/token-secret";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import type { Actor } from "@/lib/authz";
import { createArticle, createCategory, createUser, uid } from "@/lib/test/factories";
import { getApi, testIp } from "../test-client";
import { callAdmin } from "./admin-client";

let admin: Actor;
let categoryId: number;

const token = async (scopes: string[], extra: Record<string, unknown> = {}) =>
  (await createApiToken(admin, { name: `测试集成 ${uid(4)}`, scopes, ...extra })).secret;

beforeAll(async () => {
  admin = await createActor("ADMIN");
  categoryId = (await createCategory()).id;
});

describe("integration tokens", () => {
  it("are made by admins only, shown once and stored as a hash, acting as their own integration user", async () => {
    const editor = await createActor("EDITOR");
    await expect(createApiToken(editor, { name: "x", scopes: ["articles:read"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const made = await createApiToken(admin, {
      name: "新闻简报",
      scopes: ["articles:write", "articles:read"],
    });
    expect(made.secret).toMatch(/^byl_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: made.id }, include: { user: true } });
    expect(row.tokenHash).toBe(hashTokenSecret(made.secret));
    expect(JSON.stringify(row)).not.toContain(made.secret.slice(10));
    expect(row.scopes).toEqual(["articles:read", "articles:write"]);
    expect(row.user).toMatchObject({ isIntegration: true, role: "EDITOR", status: "ACTIVE" });
    const listed = (await listApiTokens(admin)).find((t) => t.id === made.id)!;
    expect(listed.prefix).toBe(made.secret.slice(0, 10));
    expect(JSON.stringify(listed)).not.toContain(made.secret.slice(10));
  });

  it("records the last use (time and address)", async () => {
    const secret = await token(["articles:read"]);
    const r = await callAdmin("GET", "/api/v1/admin/articles", { token: secret, ip: "203.0.113.9" });
    expect(r.status).toBe(200);
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashTokenSecret(secret) } });
    expect(row.lastUsedIp).toBe("203.0.113.9");
    expect(Date.now() - row.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });

  it("401 without a token, with a malformed, unknown, revoked or expired one", async () => {
    const path = "/api/v1/admin/articles";
    const missing = await callAdmin("GET", path);
    expect(missing.status).toBe(401);
    expect(missing.res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((missing.body!.error as { message: string }).message).toContain("Authorization");
    expect((await callAdmin("GET", path, { token: "not-a-token" })).status).toBe(401);
    expect((await callAdmin("GET", path, { token: `byl_${"A".repeat(43)}` })).status).toBe(401);

    const revoked = await createApiToken(admin, { name: "将被撤销", scopes: ["articles:read"] });
    expect((await callAdmin("GET", path, { token: revoked.secret })).status).toBe(200);
    await revokeApiToken(admin, { id: revoked.id });
    const after = await callAdmin("GET", path, { token: revoked.secret });
    expect(after.status).toBe(401);
    expect((after.body!.error as { message: string }).message).toContain("撤销");

    const expiring = await createApiToken(admin, {
      name: "将过期",
      scopes: ["articles:read"],
      expiresInDays: 1,
    });
    expect((await callAdmin("GET", path, { token: expiring.secret })).status).toBe(200);
    await db.apiToken.update({
      where: { id: expiring.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await callAdmin("GET", path, { token: expiring.secret });
    expect(expired.status).toBe(401);
    expect((expired.body!.error as { message: string }).message).toContain("过期");
  });
});

describe("scopes and the policy", () => {
  it("a token without articles:publish creates and saves drafts but cannot publish (403), and writes nothing", async () => {
    const writer = await token(["articles:write"]);
    const created = await callAdmin("POST", "/api/v1/admin/articles", {
      token: writer,
      json: { title: "集成写的草稿", categoryId, body: doc("正文。") },
    });
    expect(created.status).toBe(201);
    const publicId = created.body!.publicId as string;
    const publish = await callAdmin("POST", `/api/v1/admin/articles/${publicId}/publish`, {
      token: writer,
      json: { version: 1 },
    });
    expect(publish.status).toBe(403);
    expect((publish.body!.error as { message: string }).message).toContain("articles:publish");
    // reading needs its own scope too
    expect((await callAdmin("GET", `/api/v1/admin/articles/${publicId}`, { token: writer })).status).toBe(
      403,
    );
    const row = await db.article.findUniqueOrThrow({ where: { publicId } });
    expect(row).toMatchObject({ status: "DRAFT", version: 1 });
  });

  it("a publishing token publishes, and the audit log names the integration user", async () => {
    const t = await createApiToken(admin, {
      name: "发布机器人",
      scopes: ["articles:write", "articles:publish", "articles:read"],
    });
    const created = await callAdmin("POST", "/api/v1/admin/articles", {
      token: t.secret,
      json: { title: "由集成发布", categoryId, body: doc("通过 API 发布的正文。"), tags: ["API"] },
    });
    const publicId = created.body!.publicId as string;
    const pub = await callAdmin("POST", `/api/v1/admin/articles/${publicId}/publish`, {
      token: t.secret,
      json: { version: 1 },
    });
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ publicId, status: "PUBLISHED", version: 2 });
    const integrationUser = (await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).userId;
    const rows = await db.auditLog.findMany({
      where: { action: "article.publish", actorId: integrationUser },
      select: { ip: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ip).toBe("10.9.8.7");

    // a live article's change waits as its pending edit; publish applies it
    const got = await callAdmin("GET", `/api/v1/admin/articles/${publicId}`, { token: t.secret });
    const patched = await callAdmin("PATCH", `/api/v1/admin/articles/${publicId}`, {
      token: t.secret,
      json: { version: got.body!.version, title: "由集成发布（更新）" },
    });
    expect(patched.body).toMatchObject({ pending: true, status: "PUBLISHED" });
    expect((await db.article.findUniqueOrThrow({ where: { publicId } })).title).toBe("由集成发布");
    const applied = await callAdmin("POST", `/api/v1/admin/articles/${publicId}/publish`, {
      token: t.secret,
      json: { version: patched.body!.version },
    });
    expect(applied.status).toBe(200);
    expect((await db.article.findUniqueOrThrow({ where: { publicId } })).title).toBe("由集成发布（更新）");
  });

  it("a suspended integration user's token stops working", async () => {
    const t = await createApiToken(admin, { name: "被停用", scopes: ["articles:read"] });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    await db.user.update({ where: { id: row.userId }, data: { status: "SUSPENDED" } });
    expect((await callAdmin("GET", "/api/v1/admin/articles", { token: t.secret })).status).toBe(401);
  });
});

describe("drafts stay out of the Content API", () => {
  it("a token never sees a draft through /api/v1/articles, token or not", async () => {
    const t = await token(["articles:write", "articles:read"]);
    const title = `机密草稿 ${uid(6)}`;
    const created = await callAdmin("POST", "/api/v1/admin/articles", {
      token: t,
      json: { title, categoryId, body: doc("未发布。") },
    });
    const publicId = created.body!.publicId as string;
    // the Admin API shows it…
    const viaAdmin = await callAdmin("GET", `/api/v1/admin/articles/${publicId}`, { token: t });
    expect(viaAdmin.body).toMatchObject({ publicId, status: "DRAFT", title });
    // …the Content API does not, even with the token attached
    const ip = testIp();
    const auth = { authorization: `Bearer ${t}` };
    expect((await getApi(`/api/v1/articles/${publicId}`, ip, auth)).res.status).toBe(404);
    const list = await (await getApi(`/api/v1/articles?limit=50`, ip, auth)).res.text();
    expect(list).not.toContain(publicId);
    const search = await (await getApi(`/api/v1/search?q=${encodeURIComponent(title)}`, ip, auth)).res.text();
    expect(search).not.toContain(publicId);
  });
});

describe("versions", () => {
  it("a stale version gets 409 with the current version and loses nothing", async () => {
    const t = await token(["articles:write", "articles:read"]);
    const created = await callAdmin("POST", "/api/v1/admin/articles", {
      token: t,
      json: { title: "初稿", categoryId, body: doc("第一版。") },
    });
    const path = `/api/v1/admin/articles/${created.body!.publicId as string}`;
    const first = await callAdmin("PATCH", path, { token: t, json: { version: 1, title: "甲的修改" } });
    expect(first.status).toBe(200);
    const stale = await callAdmin("PATCH", path, { token: t, json: { version: 1, title: "乙的修改" } });
    expect(stale.status).toBe(409);
    expect(stale.body!.error).toMatchObject({ code: "CONFLICT", currentVersion: first.body!.version });
    const now = await callAdmin("GET", path, { token: t });
    expect(now.body).toMatchObject({ title: "甲的修改", version: first.body!.version });
  });
});

describe("comments and media", () => {
  it("moderates the queue with comments:moderate only", async () => {
    const t = await token(["comments:moderate"]);
    const article = await createArticle({ categoryId });
    const reader = await createUser();
    const c = await db.comment.create({
      data: { articleId: article.id, authorId: reader.id, body: `等待审核 ${uid()}`, status: "PENDING" },
    });
    const queue = await callAdmin("GET", "/api/v1/admin/comments?status=PENDING", { token: t });
    expect(queue.status).toBe(200);
    expect((queue.body!.data as { id: string }[]).map((x) => x.id)).toContain(c.id);
    const done = await callAdmin("POST", "/api/v1/admin/comments/moderate", {
      token: t,
      json: { ids: [c.id], decision: "approve" },
    });
    expect(done.body).toEqual({ changed: 1, skipped: 0 });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("APPROVED");
    expect((await callAdmin("GET", "/api/v1/admin/articles", { token: t })).status).toBe(403);
  });

  it("uploads an image with media:write; without it 403 before the body is read", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    const form = () => {
      const f = new FormData();
      f.set("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "chart.png");
      f.set("alt", "红色方块");
      return f;
    };
    const t = await token(["media:write"]);
    const up = await callAdmin("POST", "/api/v1/admin/media", { token: t, body: form() });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ width: 40, height: 30, alt: "红色方块" });
    const denied = await callAdmin("POST", "/api/v1/admin/media", {
      token: await token(["articles:read"]),
      body: form(),
    });
    expect(denied.status).toBe(403);
  });
});
