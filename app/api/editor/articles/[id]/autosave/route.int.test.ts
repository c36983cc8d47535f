import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { createCategory } from "@/lib/test/factories";
import { createArticle } from "@/lib/services/articles/create-article";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { siteUrl } from "@/lib/site-url";

// the session is the only thing faked: origin, permission, body limit, schema and service are real
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

const { POST } = await import("./route");

const origin = () => new URL(siteUrl()).origin;
function post(id: string, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return POST(
    new Request(`${origin()}/api/editor/articles/${id}/autosave`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: origin(), ...headers },
      body: text,
    }),
    { params: Promise.resolve({ id }) },
  );
}

describe("POST /api/editor/articles/[id]/autosave (the keepalive save)", () => {
  let author: Actor;
  let id: string;
  beforeEach(async () => {
    author = await createActor("TRANSLATOR");
    const category = await createCategory();
    id = (await createArticle(author, { title: "草稿", categoryId: category.id, body: doc("正文") })).id;
    session.actor = author;
  });

  it("saves like the action: same schema, same service, an autosave kind", async () => {
    const res = await post(id, { version: 1, kind: "AUTOSAVE", body: doc("离开页面时保存的正文") });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, version: 2, revision: true, pending: false });
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.bodyText).toContain("离开页面时保存的正文");
    expect((await db.articleRevision.findFirstOrThrow({ where: { articleId: id, version: 2 } })).kind).toBe(
      "AUTOSAVE",
    );
  });

  it("refuses a foreign origin, no session, a stale version, unknown fields, a mismatched id and a huge body", async () => {
    expect((await post(id, { version: 1, title: "x" }, { origin: "https://evil.example" })).status).toBe(403);
    session.actor = null;
    expect((await post(id, { version: 1, title: "x" })).status).toBe(401);
    session.actor = author;
    await post(id, { version: 1, title: "先保存" });
    const stale = await post(id, { version: 1, title: "过期" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("CONFLICT");
    expect((await post(id, { version: 2, authorId: "someone" })).status).toBe(400);
    expect((await post(id, { id: "another", version: 2, title: "x" })).status).toBe(400);
    expect((await post(id, "not json")).status).toBe(400);
    const huge = await post(id, { version: 2, sourceText: "长".repeat(400_000) });
    expect(huge.status).toBe(400);
    expect((await huge.json()).error.message).toBe("请求内容过大。");
    const stranger = await createActor("CONTRIBUTOR");
    session.actor = stranger;
    expect((await post(id, { version: 2, title: "别人的稿子" })).status).toBe(404);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).title).toBe("先保存");
  });
});
