import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";
import { createComment } from "./create-comment";

async function actor(): Promise<Actor> {
  const u = await createUser();
  return {
    id: u.id,
    role: u.role,
    status: u.status,
    displayName: u.profile!.displayName,
    publicId: u.profile!.publicId,
  };
}

describe("createComment", () => {
  it("creates a PENDING comment on a published article", async () => {
    const me = await actor();
    const a = await createArticle();
    const { id, status } = await createComment(
      me,
      { publicId: a.publicId, body: "  很有价值的分析  " },
      { ip: "127.0.0.1", userAgent: "test" },
    );
    expect(status).toBe("PENDING");
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      body: "很有价值的分析",
      status: "PENDING",
      authorId: me.id,
      parentId: null,
    });
  });

  it("attaches a reply to the thread's top-level comment and refuses unapproved parents", async () => {
    const [me, other] = await Promise.all([actor(), actor()]);
    const a = await createArticle();
    const top = await db.comment.create({
      data: { articleId: a.id, authorId: other.id, body: "顶层", status: "APPROVED" },
    });
    const reply = await db.comment.create({
      data: { articleId: a.id, authorId: other.id, parentId: top.id, body: "回复", status: "APPROVED" },
    });
    const pending = await db.comment.create({
      data: { articleId: a.id, authorId: other.id, body: "待审", status: "PENDING" },
    });
    const r = await createComment(me, { publicId: a.publicId, body: "回复的回复", parentId: reply.id });
    expect((await db.comment.findUniqueOrThrow({ where: { id: r.id } })).parentId).toBe(top.id);
    await expect(
      createComment(me, { publicId: a.publicId, body: "不行", parentId: pending.id }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("validates, authorizes and rate-limits", async () => {
    const a = await createArticle();
    const draft = await createArticle({ status: "DRAFT" });
    await expect(createComment(null, { publicId: a.publicId, body: "匿名" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const me = await actor();
    await expect(createComment(me, { publicId: a.publicId, body: " " })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(createComment(me, { publicId: a.publicId, body: "x".repeat(2001) })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(createComment(me, { publicId: draft.publicId, body: "草稿" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (let i = 0; i < 3; i++) await createComment(me, { publicId: a.publicId, body: `第 ${i} 条` });
    await expect(createComment(me, { publicId: a.publicId, body: "第四条" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("holds the three-per-minute limit under a burst: 50 concurrent attempts, exactly 3 comments", async () => {
    const me = await actor();
    const a = await createArticle();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        createComment(me, { publicId: a.publicId, body: `刷屏第 ${i} 条` }),
      ),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(refused).toHaveLength(47);
    for (const r of refused)
      expect(r.reason).toMatchObject({
        code: "RATE_LIMITED",
        message: expect.stringContaining("评论太频繁"),
      });
    expect(await db.comment.count({ where: { authorId: me.id } })).toBe(3);
  });
});
