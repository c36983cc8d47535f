import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";

const PAGE_SIZE = 50;
const inputSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

type ActiveBan = {
  id: string;
  reason: string;
  expiresAt: Date | null;
  createdAt: Date;
  user: { id: string; displayName: string; publicId: string };
  createdBy: string;
};

const nameOf = (u: { profile: { displayName: string } | null }) => u.profile?.displayName ?? "已注销用户";

/** 禁言名单: bans in force now (not lifted, not expired), the newest first. */
export async function listCommentBans(
  actor: Actor | null,
  input: Record<string, unknown> = {},
  now: Date = new Date(),
) {
  assertCan(actor, "comment.moderate");
  const { page } = inputSchema.parse(input);
  const where = { liftedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const [total, rows] = await Promise.all([
    db.commentBan.count({ where }),
    db.commentBan.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reason: true,
        expiresAt: true,
        createdAt: true,
        user: { select: { id: true, profile: { select: { displayName: true, publicId: true } } } },
        createdBy: { select: { profile: { select: { displayName: true } } } },
      },
    }),
  ]);
  const items: ActiveBan[] = rows.map((b) => ({
    id: b.id,
    reason: b.reason,
    expiresAt: b.expiresAt,
    createdAt: b.createdAt,
    user: { id: b.user.id, displayName: nameOf(b.user), publicId: b.user.profile?.publicId ?? "" },
    createdBy: nameOf(b.createdBy),
  }));
  return { items, page, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The one active ban of a user (for the user's admin page), or null. */
export async function getActiveCommentBan(actor: Actor | null, userId: string, now: Date = new Date()) {
  assertCan(actor, "comment.moderate");
  return db.commentBan.findFirst({
    where: { userId, liftedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, reason: true, expiresAt: true, createdAt: true },
  });
}
