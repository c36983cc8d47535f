import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

const { GET: more } = await import("./route");
const { GET: mine } = await import("../my-comments/route");

const call = (handler: typeof more, publicId: string, query = "") =>
  handler(new Request(`http://localhost/api/articles/${publicId}/comments${query}`), {
    params: Promise.resolve({ publicId }),
  });

describe("GET /api/articles/[publicId]/comments (加载更多)", () => {
  let publicId: string;
  beforeAll(async () => {
    const [a, u] = await Promise.all([createArticle(), createUser()]);
    publicId = a.publicId;
    await db.comment.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        articleId: a.id,
        authorId: u.id,
        body: `第 ${i} 条`,
        status: "APPROVED" as const,
        createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
      })),
    });
  });

  it("pages through every thread by cursor, and may be cached briefly by the browser", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await call(
        more,
        publicId,
        cursor ? `?order=oldest&cursor=${encodeURIComponent(cursor)}` : "?order=oldest",
      );
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("public, max-age=30");
      const body = (await r.json()) as { threads: { body: string }[]; nextCursor: string | null };
      seen.push(...body.threads.map((t) => t.body));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => `第 ${i} 条`));
  });

  it("answers 400 with a zh-CN message for a bad cursor or order, 404 for an unknown article", async () => {
    for (const q of ["?cursor=nope", "?cursor=1.a%00b", "?order=random", "?cursor=1.a&extra=1"]) {
      const r = await call(more, publicId, q);
      expect(r.status, q).toBe(400);
      const { error } = (await r.json()) as { error: { message: string } };
      expect(error.message, q).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await call(more, publicId, "?cursor=nope").then((r) => r.json())).error.message).toBe(
      "评论分页参数无效，请刷新页面后重试。",
    );
    expect((await call(more, "zzzzzz9")).status).toBe(404);
    expect((await call(more, "bad/id")).status).toBe(404);
  });
});

describe("GET /api/articles/[publicId]/my-comments", () => {
  it("tells a signed-out reader only that, never cached", async () => {
    session.actor = null;
    const a = await createArticle();
    const r = await call(mine, a.publicId);
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    expect(await r.json()).toEqual({ signedIn: false });
  });

  it("gives a reader their own comments on this article only, pending with the reason, editable for 10 minutes", async () => {
    const [a, other, u, v] = await Promise.all([
      createArticle(),
      createArticle(),
      createUser(),
      createUser(),
    ]);
    session.actor = {
      id: u.id,
      role: "READER",
      status: "ACTIVE",
      displayName: u.profile!.displayName,
      publicId: u.profile!.publicId,
    };
    const fresh = await db.comment.create({
      data: {
        articleId: a.id,
        authorId: u.id,
        body: "刚写的",
        status: "PENDING",
        heldBy: "link",
        heldDetail: "example.com",
      },
    });
    const old = await db.comment.create({
      data: {
        articleId: a.id,
        authorId: u.id,
        body: "早写的",
        status: "APPROVED",
        createdAt: new Date(Date.now() - 11 * 60_000),
      },
    });
    const gone = await db.comment.create({
      data: { articleId: a.id, authorId: u.id, body: "", status: "DELETED" },
    });
    await db.comment.create({
      data: { articleId: other.id, authorId: u.id, body: "别的文章", status: "PENDING" },
    });
    await db.comment.create({ data: { articleId: a.id, authorId: v.id, body: "别人的", status: "PENDING" } });

    const r = await call(mine, a.publicId);
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    const d = (await r.json()) as {
      signedIn: true;
      viewer: { publicId: string };
      proofRequired: boolean;
      comments: { id: string; status: string; heldLabel: string | null; editableUntil: string | null }[];
    };
    expect(d.signedIn).toBe(true);
    expect(d.viewer.publicId).toBe(u.profile!.publicId);
    expect(d.proofRequired).toBe(true); // a new account without an approved comment
    const byId = new Map(d.comments.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([fresh.id, old.id, gone.id].sort());
    // the reader sees the rule, not the matched text
    expect(byId.get(fresh.id)).toMatchObject({ status: "PENDING", heldLabel: "含链接" });
    expect(new Date(byId.get(fresh.id)!.editableUntil!).getTime()).toBe(
      fresh.createdAt.getTime() + 10 * 60_000,
    );
    expect(byId.get(old.id)!.editableUntil).toBeNull();
    expect(byId.get(gone.id)).toMatchObject({ status: "DELETED", editableUntil: null });
  });
});
