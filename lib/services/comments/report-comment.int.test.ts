import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { reader } from "./comment-test-kit";
import { ALREADY_REPORTED, reportComment } from "./report-comment";

async function shownComment(status: "APPROVED" | "PENDING" = "APPROVED") {
  const author = await reader();
  const a = await createArticle();
  const c = await db.comment.create({
    data: { articleId: a.id, authorId: author.id, body: "被举报的", status },
  });
  return { author, a, c };
}

describe("reportComment", () => {
  it("stores one report per reader and comment; a second says it was already reported", async () => {
    const { c } = await shownComment();
    const me = await reader();
    await reportComment(me, { id: c.id, reason: "spam" });
    await expect(reportComment(me, { id: c.id, reason: "abuse" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: ALREADY_REPORTED,
    });
    // concurrent doubles: still one row, the others answered the same way
    const other = await reader();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => reportComment(other, { id: c.id, reason: "illegal" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((r) =>
      r.status === "rejected" ? [(r.reason as { code: string }).code] : [],
    );
    expect(refusals).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT"]);
    expect(
      await db.commentReport.findMany({ where: { commentId: c.id }, orderBy: { reason: "asc" } }),
    ).toEqual([
      expect.objectContaining({ reporterId: other.id, reason: "illegal", detail: "" }),
      expect.objectContaining({ reporterId: me.id, reason: "spam", detail: "", resolvedAt: null }),
    ]);
  });

  it("requires a detail for 其他, refuses unknown reasons, one's own and hidden comments", async () => {
    const { author, c } = await shownComment();
    const me = await reader();
    await expect(reportComment(me, { id: c.id, reason: "other" })).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ path: ["detail"], message: "选择“其他”时，请简单说明原因。" })],
    });
    await expect(reportComment(me, { id: c.id, reason: "nope" as "spam" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(
      reportComment(me, { id: c.id, reason: "other", detail: "x".repeat(501) }),
    ).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(reportComment(author, { id: c.id, reason: "spam" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "不能举报自己的评论。",
    });
    const pending = await shownComment("PENDING");
    await expect(reportComment(me, { id: pending.c.id, reason: "spam" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(reportComment(null, { id: c.id, reason: "spam" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await reportComment(me, { id: c.id, reason: "other", detail: "冒充官方客服" });
    expect(await db.commentReport.findFirstOrThrow({ where: { commentId: c.id } })).toMatchObject({
      reason: "other",
      detail: "冒充官方客服",
    });
  });

  it("allows 20 reports an hour per account", async () => {
    const me = await reader();
    const comments = await Promise.all(Array.from({ length: 21 }, () => shownComment()));
    for (const { c } of comments.slice(0, 20)) await reportComment(me, { id: c.id, reason: "spam" });
    await expect(reportComment(me, { id: comments[20]!.c.id, reason: "spam" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^举报太频繁了，请在 (1 小时|59 分钟)后再试。$/),
    });
  });
});
