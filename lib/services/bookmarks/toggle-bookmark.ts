import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { publicIdSchema } from "@/lib/public-id";
import { findBookmarkableArticle } from "./find-bookmarkable-article";

const toggleBookmarkSchema = z.object({ publicId: publicIdSchema, bookmarked: z.boolean() });
export type ToggleBookmarkInput = z.infer<typeof toggleBookmarkSchema>;

/**
 * Sets the actor's bookmark on a published article to the wanted state. Idempotent (a double
 * click or a retried request cannot flip it back), and scoped to actor.id: there is no way to
 * name another user's bookmark.
 */
export async function toggleBookmark(
  actor: Actor | null,
  input: ToggleBookmarkInput,
): Promise<{ bookmarked: boolean }> {
  assertCan(actor, "bookmark.manage");
  const { publicId, bookmarked } = toggleBookmarkSchema.parse(input);
  const article = await findBookmarkableArticle(publicId);
  if (bookmarked) {
    await db.bookmark.createMany({
      data: [{ userId: actor.id, articleId: article.id }],
      skipDuplicates: true,
    });
  } else {
    await db.bookmark.deleteMany({ where: { userId: actor.id, articleId: article.id } });
  }
  return { bookmarked };
}
