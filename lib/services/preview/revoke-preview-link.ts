import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadVisibleArticle, refOf } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";

export const revokePreviewLinkSchema = z.strictObject({
  articleId: articleIdSchema,
  linkId: z.string().regex(/^[a-z0-9]{1,40}$/),
});

/**
 * 撤销: the link stops working at once (every lookup checks revokedAt). Revoking a link twice is
 * not an error; a link of another article is NOT_FOUND.
 */
export async function revokePreviewLink(actor: Actor | null, input: unknown, now: Date = new Date()) {
  const { articleId, linkId } = revokePreviewLinkSchema.parse(input);
  const head = await loadVisibleArticle(actor, articleId);
  assertCan(actor, "article.viewDraft", refOf(head));
  await db.$transaction(async (tx) => {
    const link = await tx.previewLink.findFirst({
      where: { id: linkId, articleId: head.id },
      select: { revokedAt: true },
    });
    if (!link) throw new AppError("NOT_FOUND", "没有找到这个预览链接。");
    if (link.revokedAt) return;
    await tx.previewLink.update({ where: { id: linkId }, data: { revokedAt: now } });
    await audit(tx, {
      actorId: actor.id,
      action: "preview.revoke",
      targetType: "article",
      targetId: head.id,
      meta: { linkId },
    });
  });
  return { id: linkId };
}
