import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { secondsUntil, sharedLimiter } from "@/lib/security/rate-limit";
import { LIMITS, rateLimitedError } from "@/lib/security/rate-limit-rules";
import { safeText } from "@/lib/validation";
import { publicIdSchema, rowIdSchema } from "@/lib/public-id";

export const createCommentSchema = z.strictObject({
  publicId: publicIdSchema,
  body: safeText(2000, { min: 2 }),
  // a cuid when replying; "" from the form when not. Checked before the query: a NUL reached
  // PostgreSQL and answered 500
  parentId: z
    .union([z.literal(""), rowIdSchema("要回复的评论不存在。")])
    .optional()
    .transform((v) => v || undefined),
});
export type CreateCommentInput = z.input<typeof createCommentSchema>;

/**
 * A reader's comment on a published article. It starts PENDING and appears only once a
 * moderator approves it, so nothing here touches a cache. Replies attach to the top-level
 * comment of their thread (one level of threading) and only to comments readers can see.
 * At most 3 comments per reader per minute (LIMITS.commentUser, a fixed window).
 */
export async function createComment(
  actor: Actor | null,
  input: CreateCommentInput,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ id: string; status: "PENDING" }> {
  assertCan(actor, "comment.create");
  const { publicId, body, parentId } = createCommentSchema.parse(input);
  const article = await db.article.findFirst({
    where: { publicId, status: "PUBLISHED", publishedAt: { lte: new Date() } },
    select: { id: true },
  });
  if (!article) throw new AppError("NOT_FOUND");

  let threadId: string | null = null;
  if (parentId) {
    const parent = await db.comment.findFirst({
      where: { id: parentId, articleId: article.id, status: "APPROVED" },
      select: { id: true, parentId: true },
    });
    if (!parent)
      throw new AppError("INVALID", "要回复的评论不存在或尚未通过审核。", {
        fieldErrors: { parentId: ["要回复的评论不存在。"] },
      });
    threadId = parent.parentId ?? parent.id;
  }

  // Counted by the shared limiter's one atomic upsert, not count-then-insert: a burst of parallel
  // requests each gets its own number, so exactly `limit` comments go through (issue 8, finding 13).
  const limiter = sharedLimiter();
  const { points, resetAt } = await limiter.hit(`comment:user:${actor.id}`, LIMITS.commentUser);
  if (points > LIMITS.commentUser.limit)
    throw rateLimitedError(secondsUntil(resetAt, limiter.now()), "评论太频繁了");

  const comment = await db.comment.create({
    data: {
      articleId: article.id,
      authorId: actor.id,
      parentId: threadId,
      body,
      status: "PENDING",
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    },
    select: { id: true },
  });
  return { id: comment.id, status: "PENDING" };
}
