import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { loadVisibleArticle, refOf } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";

export type PreviewLinkState = "active" | "expired" | "revoked";

export type PreviewLinkItem = {
  id: string;
  state: PreviewLinkState;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  createdByName: string;
};

/** An article's preview links, newest first (the last 50), with their state now. Never the token. */
export async function listPreviewLinks(
  actor: Actor | null,
  articleId: unknown,
  now: Date = new Date(),
): Promise<PreviewLinkItem[]> {
  const head = await loadVisibleArticle(actor, articleIdSchema.parse(articleId));
  assertCan(actor, "article.viewDraft", refOf(head));
  const rows = await db.previewLink.findMany({
    where: { articleId: head.id },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { profile: { select: { displayName: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    state: r.revokedAt ? "revoked" : r.expiresAt <= now ? "expired" : "active",
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    createdByName: r.createdBy.profile?.displayName ?? "未知用户",
  }));
}
