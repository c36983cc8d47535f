import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const notificationIdSchema = z.strictObject({ id: z.string().min(1).max(40) });

/**
 * Marks one of the actor's notices read and returns where it points. Someone else's notice
 * answers like a missing one: the WHERE names the actor, so ids cannot be probed.
 */
export async function markRead(actor: Actor | null, input: unknown): Promise<{ url: string }> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { id } = notificationIdSchema.parse(input);
  const row = await db.notification.findFirst({ where: { id, userId: actor.id }, select: { url: true } });
  if (!row) throw new AppError("NOT_FOUND", "没有找到这条通知。");
  await db.notification.updateMany({
    where: { id, userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  return { url: safeNextPath(row.url, "/me/notifications") };
}

/** 全部标为已读: the actor's own notices only. */
export async function markAllRead(actor: Actor | null): Promise<{ count: number }> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  return { count };
}
