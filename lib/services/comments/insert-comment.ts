import "server-only";
import type { Actor } from "@/lib/authz";
import { evaluateComment } from "@/lib/comments/rules";
import { getCommentSettings } from "@/lib/comments/settings";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { proofRequired, verifyProof } from "@/lib/security/proof-of-work";
import { notifyCommentsApproved } from "../moderation/notify-approved";
import { assertNotCommentBanned } from "./comment-ban-status";
import {
  assertCommentsOpen,
  authorRecord,
  isDuplicateWithinDay,
  lockCommentableArticle,
} from "./comment-facts";
import { hitCommentLimits } from "./comment-limits";
import type { CommentMeta, CreateCommentData } from "./create-comment";
import { findByIdempotencyKey, type StoredComment } from "./idempotency";

type Tx = Prisma.TransactionClient;
const PROOF_FAILED = "人机验证未通过或已过期，请重新验证后再发表。";

/**
 * The transaction of createComment. "busy" when a request with the same key holds the key's lock:
 * the caller waits for it outside the transaction (a waiting twin must not hold a transaction
 * slot), so a double click or a replay never spends a second proof or limit point. The unique
 * index (authorId, idempotencyKey) stays the guarantee; the lock only orders the work.
 */
export async function insertComment(
  tx: Tx,
  actor: Actor,
  data: CreateCommentData,
  meta: CommentMeta,
): Promise<(StoredComment & { articleId: string }) | { replayed: StoredComment } | "busy"> {
  const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
    SELECT pg_try_advisory_xact_lock(hashtextextended(${`comment:${actor.id}:${data.idempotencyKey}`}, 0)) AS locked`;
  if (!locked) return "busy";
  const stored = await findByIdempotencyKey(tx, actor.id, data.idempotencyKey, data.publicId);
  if (stored) return { replayed: stored };

  await assertNotCommentBanned(actor.id, tx);
  const now = new Date();
  const settings = await getCommentSettings(tx);
  const article = await tx.article.findUnique({
    where: { publicId: data.publicId },
    select: { id: true, status: true, publishedAt: true, commentsClosed: true, deletedAt: true },
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
  if (approved) await notifyCommentsApproved(tx, [comment.id]);
  // Last, so the article row is held only for the count and the commit: every approved comment
  // on a busy article queues on this lock (the insert's foreign-key lock does not conflict with it).
  await lockCommentableArticle(tx, articleId, approved ? "update" : "share", settings, now);
  if (approved)
    await tx.article.update({ where: { id: articleId }, data: { commentCount: { increment: 1 } } });
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
