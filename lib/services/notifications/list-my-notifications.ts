import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const NOTIFICATIONS_PAGE_SIZE = 20;
const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  body: string;
  url: string | null;
  isRead: boolean;
  createdAt: Date;
};

export type NotificationPage = { items: NotificationItem[]; unread: number; page: number; pageCount: number };

/** 我的通知: only ever the actor's own rows, newest first, with the unread count. */
export async function listMyNotifications(
  actor: Actor | null,
  input: { page?: unknown; size?: number } = {},
): Promise<NotificationPage> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const page = pageSchema.parse(input.page ?? 1);
  const size = Math.min(Math.max(input.size ?? NOTIFICATIONS_PAGE_SIZE, 1), NOTIFICATIONS_PAGE_SIZE);
  const where = { userId: actor.id };
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    countUnread(actor),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: { id: true, kind: true, title: true, body: true, url: true, readAt: true, createdAt: true },
    }),
  ]);
  return {
    items: rows.map(({ readAt, url, ...r }) => ({
      ...r,
      url: url ? safeNextPath(url, "") || null : null,
      isRead: readAt !== null,
    })),
    unread,
    page,
    pageCount: Math.max(1, Math.ceil(total / size)),
  };
}

async function countUnread(actor: Actor | null): Promise<number> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}
