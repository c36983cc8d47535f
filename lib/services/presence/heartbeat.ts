import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { loadVisibleArticle } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";

/** The editor sends a heartbeat every 10 s while open and visible (presence-bar.tsx); older than 30 s is gone. */
export const PRESENCE_TTL_MS = 30_000;

export const presenceSchema = z.strictObject({
  articleId: articleIdSchema,
  /** false: the page is closing or hidden (the row is removed) */
  here: z.boolean(),
});

export type PresentUser = { id: string; displayName: string };

/**
 * 也在编辑此文章: records that the actor has the article open (or has left it) and answers who
 * else has it open. Only someone who may see the article in the workspace takes part (NOT_FOUND
 * otherwise, as for the article itself).
 */
export async function heartbeat(
  actor: Actor | null,
  input: unknown,
  now: Date = new Date(),
): Promise<PresentUser[]> {
  const { articleId, here } = presenceSchema.parse(input);
  const head = await loadVisibleArticle(actor, articleId);
  const key = { articleId_userId: { articleId: head.id, userId: actor!.id } };
  if (here)
    await db.articlePresence.upsert({
      where: key,
      create: { articleId: head.id, userId: actor!.id, seenAt: now },
      update: { seenAt: now },
    });
  else await db.articlePresence.deleteMany({ where: { articleId: head.id, userId: actor!.id } });
  const rows = await db.articlePresence.findMany({
    where: {
      articleId: head.id,
      userId: { not: actor!.id },
      seenAt: { gte: new Date(now.getTime() - PRESENCE_TTL_MS) },
    },
    orderBy: { seenAt: "desc" },
    take: 20,
    select: { user: { select: { id: true, profile: { select: { displayName: true } } } } },
  });
  return rows.map((r) => ({ id: r.user.id, displayName: r.user.profile?.displayName ?? "未知用户" }));
}
