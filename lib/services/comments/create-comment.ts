import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { commentChangeTags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publicIdSchema, rowIdSchema } from "@/lib/public-id";
import { invalidatePublic } from "../articles/side-effects";
import { commentBodySchema } from "./comment-input";
import { findByIdempotencyKey, isUniqueViolation, type StoredComment } from "./idempotency";
import { insertComment } from "./insert-comment";

export const createCommentSchema = z.strictObject({
  publicId: publicIdSchema,
  body: commentBodySchema,
  // a cuid when replying; "" from the form when not. Checked before the query: a NUL reached
  // PostgreSQL and answered 500
  parentId: z
    .union([z.literal(""), rowIdSchema("要回复的评论不存在。")])
    .optional()
    .transform((v) => v || undefined),
  /** made by the form once per comment it shows; a retry or double click sends the same one */
  idempotencyKey: z
    .string({ error: "请刷新页面后重试。" })
    .regex(/^[A-Za-z0-9_-]{16,64}$/, "请刷新页面后重试。"),
  /** the ALTCHA payload, when this reader must prove work */
  altcha: z.string().max(4000, "人机验证数据无效，请重新验证。").optional(),
});
export type CreateCommentInput = z.input<typeof createCommentSchema>;

export type CreatedComment = StoredComment & { duplicate: boolean };

export type CreateCommentData = z.output<typeof createCommentSchema>;
export type CommentMeta = { ip?: string | null; userAgent?: string | null };

const TWIN_WAIT_MS = 8_000;
const TWIN_BUSY = "这条评论正在提交，请稍后刷新页面查看。";

/**
 * 发表评论 / 回复. A replay of a stored idempotency key is answered with the stored comment before
 * anything is spent; otherwise one transaction (insert-comment.ts) checks the ban, the article
 * and the parent, the proof of work and the flood limits, then stores what the rules decide
 * (lib/comments/rules.ts). Approved comments refresh the article's public comment list.
 */
export async function createComment(
  actor: Actor | null,
  input: CreateCommentInput,
  meta: CommentMeta = {},
): Promise<CreatedComment> {
  assertCan(actor, "comment.create");
  const data = createCommentSchema.parse(input);
  const replay = () => findByIdempotencyKey(db, actor.id, data.idempotencyKey, data.publicId);
  // A twin (same key) still running holds the key's lock: wait for it outside any transaction,
  // then answer with what it stored, or try again if it failed (a refused proof, a limit).
  for (let waited = 0, pause = 20; ; waited += pause, pause = Math.min(pause * 2, 320)) {
    const stored = await replay();
    if (stored) return { ...stored, duplicate: true };
    const r = await attempt(actor, data, meta);
    if (r !== "busy") return r;
    if (waited > TWIN_WAIT_MS) throw new AppError("CONFLICT", TWIN_BUSY, { retryAfterSeconds: 2 });
    await new Promise((done) => setTimeout(done, pause));
  }
}

async function attempt(
  actor: Actor,
  data: CreateCommentData,
  meta: CommentMeta,
): Promise<CreatedComment | "busy"> {
  try {
    const r = await db.$transaction((tx) => insertComment(tx, actor, data, meta));
    if (r === "busy") return r;
    if ("replayed" in r) return { ...r.replayed, duplicate: true };
    if (r.status === "APPROVED") invalidatePublic(commentChangeTags(r.articleId));
    return { id: r.id, status: r.status, heldBy: r.heldBy, duplicate: false };
  } catch (e) {
    // the unique index caught a same-key insert the lock did not order (it cannot today; it is the
    // guarantee): answer with the comment that won
    if (!isUniqueViolation(e)) throw e;
    const winner = await findByIdempotencyKey(db, actor.id, data.idempotencyKey, data.publicId);
    if (!winner) throw e;
    return { ...winner, duplicate: true };
  }
}
