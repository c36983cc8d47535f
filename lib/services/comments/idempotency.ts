import "server-only";
import type { HeldBy } from "@/lib/comments/rules";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What a post answers, first time or replayed. */
export type StoredComment = {
  id: string;
  status: "APPROVED" | "PENDING" | "REJECTED";
  heldBy: HeldBy | null;
};

type Reader = { comment: Pick<Prisma.TransactionClient["comment"], "findUnique"> };

/**
 * The comment an earlier request with this key stored, in its current state, or null. SPAM
 * reads as REJECTED (a spammer is not told); a comment deleted since, or a key reused on another
 * article, is refused rather than answered with a comment the form did not send.
 */
export async function findByIdempotencyKey(
  client: Reader,
  authorId: string,
  idempotencyKey: string,
  publicId: string,
): Promise<StoredComment | null> {
  const row = await client.comment.findUnique({
    where: { authorId_idempotencyKey: { authorId, idempotencyKey } },
    select: { id: true, status: true, heldBy: true, article: { select: { publicId: true } } },
  });
  if (!row) return null;
  if (row.article.publicId !== publicId || row.status === "DELETED")
    throw new AppError("CONFLICT", "这条评论已提交过，请刷新页面后再发表新的评论。");
  const status = row.status === "SPAM" ? "REJECTED" : row.status;
  return { id: row.id, status, heldBy: row.heldBy as HeldBy | null };
}

/** A unique-index violation (P2002) from Prisma, whatever wraps it. */
export function isUniqueViolation(e: unknown): boolean {
  return !!e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2002";
}
