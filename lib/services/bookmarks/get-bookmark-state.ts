import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { articlePublicIdSchema } from "./find-bookmarkable-article";

/** Whether the actor has bookmarked the article; an unknown or unpublished article reads as "no". */
export async function getBookmarkState(
  actor: Actor | null,
  publicId: string,
): Promise<{ bookmarked: boolean }> {
  assertCan(actor, "bookmark.manage");
  const row = await db.bookmark.findFirst({
    where: {
      userId: actor.id,
      article: { publicId: articlePublicIdSchema.parse(publicId), status: "PUBLISHED" },
    },
    select: { articleId: true },
  });
  return { bookmarked: !!row };
}
