import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UserRow } from "./list-users";
import { userIdSchema } from "./schemas";

/** The list's row (list-users.ts) and what only the detail page shows. */
export type UserDetail = UserRow & {
  statusReason: string | null;
  sessionVersion: number;
  hasTotp: boolean;
  counts: { articles: number; comments: number };
  /** whether the viewing admin may change this user's role (never their own) */
  isSelf: boolean;
};

/** One user for the admin detail page. Never returns the password hash or TOTP secret, only whether TOTP is on. */
export async function getUserDetail(actor: Actor | null, id: unknown): Promise<UserDetail> {
  assertCan(actor, "user.manage");
  const parsed = userIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const u = await db.user.findUnique({
    where: { id: parsed.data },
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      statusReason: true,
      sessionVersion: true,
      totpEnabledAt: true,
      createdAt: true,
      lastLoginAt: true,
      profile: { select: { displayName: true, publicId: true } },
      _count: { select: { articles: true, comments: true } },
    },
  });
  if (!u) throw new AppError("NOT_FOUND", "没有找到该用户，可能已被删除。");
  return {
    id: u.id,
    email: u.email,
    displayName: u.profile?.displayName ?? "（无资料）",
    publicId: u.profile?.publicId ?? "",
    role: u.role,
    status: u.status,
    statusReason: u.statusReason,
    sessionVersion: u.sessionVersion,
    hasTotp: u.totpEnabledAt !== null,
    createdAt: u.createdAt,
    lastLoginAt: u.lastLoginAt,
    counts: { articles: u._count.articles, comments: u._count.comments },
    isSelf: u.id === actor.id,
  };
}
