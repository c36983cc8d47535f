import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { loadVisibleArticle, refOf } from "@/lib/services/articles/access";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { absoluteUrl } from "@/lib/site-url";
import { hashPreviewToken, newPreviewToken, PREVIEW_HOURS, previewPath } from "./token";

export const createPreviewLinkSchema = z.strictObject({
  articleId: articleIdSchema,
  hours: z.number().int().min(PREVIEW_HOURS.min).max(PREVIEW_HOURS.max).default(PREVIEW_HOURS.default),
});

type CreatedPreviewLink = { id: string; url: string; expiresAt: Date };

/**
 * 生成预览链接: whoever may see the draft may share it with someone without an account. The
 * token is returned once, in the address; the row keeps only its hash. NOT_FOUND for an
 * article the actor may not see (or a deleted one), as everywhere in the workspace.
 */
export async function createPreviewLink(
  actor: Actor | null,
  input: unknown,
  now: Date = new Date(),
): Promise<CreatedPreviewLink> {
  const { articleId, hours } = createPreviewLinkSchema.parse(input);
  const head = await loadVisibleArticle(actor, articleId);
  assertCan(actor, "article.viewDraft", refOf(head));
  const token = newPreviewToken();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const link = await db.$transaction(async (tx) => {
    const row = await tx.previewLink.create({
      data: { articleId: head.id, tokenHash: hashPreviewToken(token), createdById: actor.id, expiresAt },
      select: { id: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "preview.create",
      targetType: "article",
      targetId: head.id,
      meta: { linkId: row.id, hours, expiresAt: expiresAt.toISOString() },
    });
    return row;
  });
  return { id: link.id, url: absoluteUrl(previewPath(token)), expiresAt };
}
