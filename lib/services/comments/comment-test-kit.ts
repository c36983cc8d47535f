import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/authz";
import { COMMENT_SETTING_KEYS, type CommentSettings } from "@/lib/comments/settings";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";

/**
 * Readers and settings for the comment integration tests. "established" readers are older than
 * 7 days with approved comments, so lib/security/proof-of-work.ts asks them for no proof (the
 * proof path has its own test with a solved challenge).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export const newKey = () => randomUUID();

export const asActor = (u: Awaited<ReturnType<typeof createUser>>): Actor => ({
  id: u.id,
  role: u.role,
  status: u.status,
  displayName: u.profile!.displayName,
  publicId: u.profile!.publicId,
});

let historyArticleId: string | undefined;

/**
 * A reader `ageDays` old with `approved` approved and `rejected` rejected comments (written
 * `ageDays` ago on an article of their own, so they neither count as duplicates nor touch the
 * articles under test).
 */
export async function reader(opts: { ageDays?: number; approved?: number; rejected?: number } = {}) {
  const { ageDays = 30, approved = 3, rejected = 0 } = opts;
  const u = await createUser();
  const then = new Date(Date.now() - ageDays * DAY_MS);
  await db.user.update({ where: { id: u.id }, data: { createdAt: then } });
  historyArticleId ??= (await createArticle()).id;
  const past = (status: "APPROVED" | "REJECTED", n: number) =>
    Array.from({ length: n }, (_, i) => ({
      articleId: historyArticleId!,
      authorId: u.id,
      body: `往日评论 ${status} ${i}`,
      status,
      createdAt: then,
    }));
  await db.comment.createMany({ data: [...past("APPROVED", approved), ...past("REJECTED", rejected)] });
  return asActor(u);
}

/** Writes the admin's comment settings; `resetCommentSettings` puts the defaults back. */
export async function setCommentSettings(s: Partial<CommentSettings>) {
  for (const [k, value] of Object.entries(s)) {
    const key = COMMENT_SETTING_KEYS[k as keyof CommentSettings];
    await db.siteSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
}

export async function resetCommentSettings() {
  await db.siteSetting.deleteMany({ where: { key: { in: Object.values(COMMENT_SETTING_KEYS) } } });
}

/** Forgets the flood counters of one account (as if its windows had passed). */
export async function clearCommentLimits(userId: string) {
  await db.$executeRaw`DELETE FROM rate_limits WHERE "key" LIKE ${`comment:%:${userId}`}`;
}
