import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { publicIdSchema } from "@/lib/public-id";

/** Whether the actor has bookmarked the article; an unknown or unpublished article reads as "no". */
export async function getBookmarkState(
  actor: Actor | null,
  publicId: string,
): Promise<{ bookmarked: boolean }> {
  assertCan(actor, "bookmark.manage");
  const row = await db.bookmark.findFirst({
    where: {
      userId: actor.id,
      article: { publicId: publicIdSchema.parse(publicId), status: "PUBLISHED" },
    },
    select: { articleId: true },
  });
  return { bookmarked: !!row };
}
