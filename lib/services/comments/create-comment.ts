import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { commentChangeTags } from "@/lib/cache-tags";
import { evaluateComment } from "@/lib/comments/rules";
import { getCommentSettings } from "@/lib/comments/settings";
import { db } from "@/lib/db";
import { DB_LIMITS } from "@/lib/db/limits";
import { AppError } from "@/lib/errors";
import { publicIdSchema, rowIdSchema } from "@/lib/public-id";
import { proofRequired, verifyProof } from "@/lib/security/proof-of-work";
import { invalidatePublic } from "../articles/side-effects";
import { notifyCommentsApproved } from "../moderation/notify-approved";
import { assertNotCommentBanned } from "./comment-ban-status";
import {
  assertCommentsOpen,
  authorRecord,
  isDuplicateWithinDay,
  lockCommentableArticle,
} from "./comment-facts";
import { commentBodySchema } from "./comment-input";
import { hitCommentLimits } from "./comment-limits";
import { findByIdempotencyKey, isUniqueViolation, type StoredComment } from "./idempotency";

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

const PROOF_FAILED = "人机验证未通过或已过期，请重新验证后再发表。";

/**
 * 发表评论 / 回复. In order: permission, a replay of a stored idempotency key (answered with the
 * stored comment, before proof or limits are spent), ban, the article taking comments, proof of
 * work, flood limits; then one transaction that re-checks the article under its row lock, applies
 * the rules (lib/comments/rules.ts) and stores the verdict. Replies attach to the top-level
 * comment of their thread (one level) and only to comments readers can see.
 */
export async function createComment(
  actor: Actor | null,
  input: CreateCommentInput,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<CreatedComment> {
  assertCan(actor, "comment.create");
  const data = createCommentSchema.parse(input);
  const replay = () => findByIdempotencyKey(db, actor.id, data.idempotencyKey, data.publicId);
  const stored = await replay();
  if (stored) return { ...stored, duplicate: true };
  try {
    const r = await db.$transaction((tx) => insertComment(tx, actor, data, meta));
    if ("replayed" in r) return { ...r.replayed, duplicate: true };
    if (r.status === "APPROVED") invalidatePublic(commentChangeTags(r.articleId));
    return { id: r.id, status: r.status, heldBy: r.heldBy, duplicate: false };
  } catch (e) {
    // a concurrent request with the same key committed first: answer with its comment
    if (!isUniqueViolation(e)) throw e;
    const winner = await replay();
    if (!winner) throw e;
    return { ...winner, duplicate: true };
  }
}

type Data = z.output<typeof createCommentSchema>;
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function insertComment(
  tx: Tx,
  actor: Actor,
  data: Data,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<(StoredComment & { articleId: string }) | { replayed: StoredComment }> {
  // Requests with the same key queue here, so a replay arriving while the first is still running
  // finds its comment below instead of spending a second proof and a second limit point. The
  // unique index (authorId, idempotencyKey) stays the guarantee; this lock only orders the work.
  // Waiting for one's own twin is expected, so longer than the usual lock_timeout.
  await tx.$executeRaw`SELECT set_config('lock_timeout', '5s', true)`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`comment:${actor.id}:${data.idempotencyKey}`}, 0))`;
  await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${DB_LIMITS.lockTimeoutMs}ms`}, true)`;
  const stored = await findByIdempotencyKey(tx, actor.id, data.idempotencyKey, data.publicId);
  if (stored) return { replayed: stored };

  await assertNotCommentBanned(actor.id, tx);
  const now = new Date();
  const settings = await getCommentSettings(tx);
  const article = await tx.article.findUnique({
    where: { publicId: data.publicId },
    select: { id: true, status: true, publishedAt: true, commentsClosed: true },
  });
  assertCommentsOpen(article, settings, now);
  const articleId = article!.id;
  // before the proof and the limits: a reply to a vanished comment must not spend either
  const parentId = data.parentId ? await threadOf(tx, data.parentId, articleId) : null;

  if (
    (await proofRequired(actor.id)) &&
    !(await verifyProof(data.altcha, { userId: actor.id, form: "comment" }))
  )
    throw new AppError("INVALID", PROOF_FAILED, { fieldErrors: { altcha: [PROOF_FAILED] } });
  await hitCommentLimits(actor.id, meta.ip);

  const verdict = evaluateComment({
    body: data.body,
    author: await authorRecord(tx, actor.id),
    settings,
    duplicateWithinDay: await isDuplicateWithinDay(tx, actor.id, data.body, now),
    now,
  });
  const approved = verdict.status === "APPROVED";
  await lockCommentableArticle(tx, articleId, approved ? "update" : "share", settings, now);
  const comment = await tx.comment.create({
    data: {
      articleId,
      authorId: actor.id,
      parentId,
      body: data.body,
      status: verdict.status,
      heldBy: verdict.heldBy,
      heldDetail: verdict.heldDetail,
      idempotencyKey: data.idempotencyKey,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    },
    select: { id: true },
  });
  if (approved) {
    await tx.article.update({ where: { id: articleId }, data: { commentCount: { increment: 1 } } });
    await notifyCommentsApproved(tx, [comment.id]);
  }
  return { id: comment.id, status: verdict.status, heldBy: verdict.heldBy, articleId };
}

/** The top-level comment a reply joins: the parent itself, or the parent's own parent. */
async function threadOf(tx: Tx, parentId: string, articleId: string): Promise<string> {
  const parent = await tx.comment.findFirst({
    where: { id: parentId, articleId, status: "APPROVED" },
    select: { id: true, parentId: true },
  });
  if (!parent)
    throw new AppError("INVALID", "要回复的评论不存在或尚未通过审核。", {
      fieldErrors: { parentId: ["要回复的评论不存在。"] },
    });
  return parent.parentId ?? parent.id;
}
