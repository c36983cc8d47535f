import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { Prisma } from "@/lib/generated/prisma/client";

type ActiveCommentBan = { id: string; reason: string; expiresAt: Date | null };

type BanReader = { commentBan: Pick<Prisma.TransactionClient["commentBan"], "findFirst"> };

/**
 * The comment ban in force for a user (helper D's ban service writes the rows): not lifted and
 * not expired. When several overlap, the one that lasts longest is the one to show: a ban for
 * good first, then the latest end.
 */
export async function activeCommentBan(
  userId: string,
  client: BanReader = db,
  now: Date = new Date(),
): Promise<ActiveCommentBan | null> {
  return client.commentBan.findFirst({
    where: { userId, liftedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ expiresAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, reason: true, expiresAt: true },
  });
}

/** 你已被禁止评论：<reason>（至 2026-12-09 12:00 / 永久）: the reader learns why and until when. */
function commentBanError(ban: ActiveCommentBan): AppError {
  const until = ban.expiresAt ? `至 ${formatDateTime(ban.expiresAt)}` : "永久";
  return new AppError("FORBIDDEN", `你已被禁止评论：${ban.reason}（${until}）`);
}

/** Throws the ban's FORBIDDEN when the user may not comment now. */
export async function assertNotCommentBanned(userId: string, client: BanReader = db): Promise<void> {
  const ban = await activeCommentBan(userId, client);
  if (ban) throw commentBanError(ban);
}
