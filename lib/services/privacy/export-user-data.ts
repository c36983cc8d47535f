import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sharedLimiter, secondsUntil, type RateLimiter } from "@/lib/security/rate-limit";
import { absoluteUrl } from "@/lib/site-url";
import { bookmarksOf, commentsOf, contributionsOf, notificationsOf } from "./user-data-sections";

/** A reader's own export: a few a hour is plenty, and each one reads all of their rows. */
const OWN_EXPORT_LIMIT = { limit: 5, windowMs: 60 * 60 * 1000 };

export type UserDataExport = { filename: string; chunks: AsyncIterable<string> };

type Purpose = "own" | "privacyRequest";

/**
 * 导出我的数据 / an admin's export for a privacy request: one JSON document of the user's profile,
 * account facts, comments, bookmarks, contributions and notifications. Never the password hash,
 * TOTP secret, recovery codes or session version: the account section is an explicit pick.
 * Authorised and audited (account.exportData / user.exportData) before the first byte; the lists
 * are streamed in batches.
 */
export async function exportUserData(
  actor: Actor | null,
  userId: string,
  purpose: Purpose,
  limiter: RateLimiter = sharedLimiter(),
): Promise<UserDataExport> {
  if (purpose === "own") assertCan(actor, "account.exportOwn", { kind: "user", id: userId });
  else assertCan(actor, "user.manage");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      createdAt: true,
      lastLoginAt: true,
      totpEnabledAt: true,
      profile: {
        select: {
          publicId: true,
          displayName: true,
          bio: true,
          avatarUrl: true,
          createdAt: true,
          updatedAt: true,
        },
      },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "没有找到这个用户。");
  if (purpose === "own") {
    const hit = await limiter.hit(`export:user:${user.id}`, OWN_EXPORT_LIMIT);
    if (hit.points > OWN_EXPORT_LIMIT.limit) {
      const retryAfterSeconds = secondsUntil(hit.resetAt, limiter.now());
      throw new AppError("RATE_LIMITED", "一小时内最多导出 5 次，请稍后再试。", { retryAfterSeconds });
    }
  }
  await audit(db, {
    actorId: actor.id,
    action: purpose === "own" ? "account.exportData" : "user.exportData",
    targetType: "user",
    targetId: user.id,
  });
  const exportedAt = new Date();
  const stamp = exportedAt.toISOString().slice(0, 10).replaceAll("-", "");
  return {
    filename: `byline-data-${user.profile?.publicId ?? user.id}-${stamp}.json`,
    chunks: serialise(user, exportedAt),
  };
}

async function* serialise(user: Loaded, exportedAt: Date): AsyncGenerator<string> {
  const { profile } = user;
  const head = {
    format: "byline.user-data",
    version: 1,
    exportedAt,
    profile: profile && { ...profile, url: absoluteUrl(`/member/${profile.publicId}`) },
    account: {
      id: user.id,
      email: user.email,
      role: user.role,
      status: user.status,
      createdAt: user.createdAt,
      lastLoginAt: user.lastLoginAt,
      twoFactorEnabled: user.totpEnabledAt !== null,
    },
  };
  // the document is built as text: head fields, then each list streamed item by item
  yield JSON.stringify(head).slice(0, -1);
  const sections = [
    ["comments", commentsOf(user.id)],
    ["bookmarks", bookmarksOf(user.id)],
    ["contributions", contributionsOf(user.id)],
    ["notifications", notificationsOf(user.id)],
  ] as const;
  for (const [name, rows] of sections) {
    yield `,${JSON.stringify(name)}:[`;
    let first = true;
    for await (const batch of rows as AsyncIterable<unknown[]>) {
      yield batch.map((r) => (first ? ((first = false), "") : ",") + JSON.stringify(r)).join("");
    }
    yield "]";
  }
  yield "}\n";
}

type Loaded = {
  id: string;
  email: string;
  role: string;
  status: string;
  createdAt: Date;
  lastLoginAt: Date | null;
  totpEnabledAt: Date | null;
  profile: {
    publicId: string;
    displayName: string;
    bio: string | null;
    avatarUrl: string | null;
    createdAt: Date;
    updatedAt: Date;
  } | null;
};
